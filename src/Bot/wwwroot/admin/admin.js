// The admins' curation console: sign-in, the refusal for anyone who is not an admin, and the sections (知识条目,
// 待审核, 服务质量, 导入导出) chosen by the address's hash, so a link such as #/entries/heating-01 opens an entry.
// Plain DOM on the workers' console's shared modules; everything goes through the admin API.

import { clearSession, loadSession, request, saveSession, setUnauthorizedHandler } from '../console/api.js';
import { resetSignInForm, signInHandler } from '../console/sign-in.js';
import { setForbiddenHandler } from './client.js';
import { initEntries, loadCategories, newEntry, openEntry, openTopic, prepareTopic, showList } from './entries.js';
import { initQuality, showQuality } from './quality.js';
import { initReview, markReviewStale, showReview } from './review.js';
import { initTransfer } from './transfer.js';

const $ = (id) => document.getElementById(id);
const SECTIONS = ['entries', 'review', 'quality', 'transfer'];

let started = false;
let announceTimer = 0;

// ---- views and session ------------------------------------------------------------------------------------------

function showView(name) {
  for (const view of ['sign-in', 'refusal', 'work']) $(`${view}-view`).hidden = view !== name;
  $('who').hidden = name !== 'work';
}

function showSignIn(notice) {
  showView('sign-in');
  resetSignInForm(notice);
}

/**
 * Not an admin (by the session's role, or a 403 from the API): the refusal and nothing else of the console. The
 * session stays (it may be a worker's, opened in the workers' console in this tab) until 换个账号登录.
 */
function refuse() {
  showView('refusal');
}

/** Signs out; once the sections have shown an admin's data, by reloading the page rather than hiding it. */
function signOut(expired) {
  clearSession();
  if (started) {
    location.replace(`${location.pathname}${expired ? '?expired' : ''}`);
    return;
  }

  showSignIn(expired ? '登录已过期，请重新登录。' : null);
}

function onSession(session) {
  if (session.user?.role !== 'admin') {
    refuse();
    return;
  }

  saveSession(session);
  start(session);
}

function start(session) {
  showView('work');
  const user = session.user;
  $('who-name').textContent = `${user.name}（${user.nodeName ?? '区平台'} · 管理员）`;
  $('password-notice').hidden = !user.mustChangePassword;
  if (!started) {
    started = true;
    loadCategories();
  }

  route();
}

function announce(text) {
  const box = $('announce');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => { box.hidden = true; }, 8000);
}

// ---- sections ---------------------------------------------------------------------------------------------------

function showSection(name) {
  for (const panel of document.querySelectorAll('.section-panel')) panel.hidden = panel.dataset.section !== name;
  for (const link of document.querySelectorAll('.sections a')) {
    if (link.dataset.section === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** #/entries, #/entries/new, #/entries/topic, #/entries/<id>, #/review, #/quality, #/transfer. */
function route() {
  if (!started || $('work-view').hidden) return;
  const [section = 'entries', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const name = SECTIONS.includes(section) ? section : 'entries';
  showSection(name);
  if (name === 'review') showReview();
  if (name === 'quality') showQuality();
  if (name !== 'entries') return;

  const id = rest.length ? decodeURIComponent(rest.join('/')) : '';
  if (!id) showList();
  else if (id === 'new') newEntry();
  else if (id === 'topic') {
    if (!openTopic()) location.replace('#/review');
  } else openEntry(id);
}

function createEntryFromTopic(topic) {
  prepareTopic(topic);
  location.hash = '#/entries/topic';
}

// ---- start ------------------------------------------------------------------------------------------------------

async function init() {
  setUnauthorizedHandler(() => signOut(true));
  setForbiddenHandler(refuse);
  $('sign-in-form').addEventListener('submit', signInHandler(onSession));
  $('sign-out').addEventListener('click', () => signOut());
  $('refusal-sign-out').addEventListener('click', () => {
    clearSession();
    showSignIn();
  });
  window.addEventListener('hashchange', route);
  initEntries({ announce, onTopicDecided: markReviewStale });
  initReview({ announce, createEntry: createEntryFromTopic });
  initQuality();
  initTransfer({ announce });

  const session = loadSession();
  if (!session) {
    showSignIn(new URLSearchParams(location.search).has('expired') ? '登录已过期，请重新登录。' : null);
    return;
  }

  try {
    // The stored token may be a worker's from the workers' console in this tab, or revoked: ask who it is now.
    session.user = await request('/api/auth/me', { token: session.token });
    if (session.user.role !== 'admin') {
      refuse();
      return;
    }

    saveSession(session);
    start(session);
  } catch (error) {
    if (error.status !== 401) showSignIn(error.title);
  }
}

init();
