// The sign-in form both consoles share (the same element ids in both pages): checks that both fields are filled,
// asks the service for a token and hands the session to the page; a wrong password or a locked account is shown in
// the form, with the password selected for retyping.

import { request } from './api.js';
import { hideProblem, showProblem } from './dom.js';

const $ = (id) => document.getElementById(id);

/** A submit handler for #sign-in-form that calls onSession(session) once the service has issued a token. */
export function signInHandler(onSession) {
  return async (event) => {
    event.preventDefault();
    const box = $('sign-in-error');
    hideProblem(box);
    const user = $('sign-in-user').value.trim();
    const password = $('sign-in-password').value;
    if (!user || !password) {
      showProblem(box, { title: '请填写账号和密码' });
      return;
    }

    const button = event.submitter ?? event.target.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const session = await request('/api/auth/token', { method: 'POST', body: { user, password }, token: null });
      $('sign-in-password').value = '';
      onSession(session);
    } catch (error) {
      showProblem(box, error);
      $('sign-in-password').select();
    } finally {
      button.disabled = false;
    }
  };
}

/** Empties the form for a fresh sign-in, with an optional notice above it (why the last session ended). */
export function resetSignInForm(notice) {
  $('sign-in-notice').textContent = notice ?? '';
  $('sign-in-notice').hidden = !notice;
  $('sign-in-password').value = '';
  $('sign-in-user').focus();
}
