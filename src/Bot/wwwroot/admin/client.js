// The admin API through the shared client (../console/api.js): one place that turns a 403 into the page's refusal,
// so every section treats "not an admin" the same way, wherever it is met.

import { request } from '../console/api.js';

let onForbidden = () => {};

export function setForbiddenHandler(handler) {
  onForbidden = handler;
}

/** request() for the admin API; a 403 shows the refusal before the error reaches the caller. */
export async function call(path, options) {
  try {
    return await request(path, options);
  } catch (error) {
    if (error.status === 403) onForbidden();
    throw error;
  }
}

/** True for errors the page has already dealt with as a whole (signed out, or refused): show nothing more. */
export function handled(error) {
  return error?.status === 401 || error?.status === 403 || error?.name === 'AbortError';
}

export const path = (template, ...values) => template.raw.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
