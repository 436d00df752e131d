// Talking to the CitizenBot API: the bearer token kept for this tab, JSON in and out, and RFC 7807 problem
// details turned into an error the page can show as they are (the service writes title and detail in Chinese).

const SESSION_KEY = 'citizenbot.console.session';

/** An answer that was not 2xx: status plus the problem's title, detail and validation messages. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.title || `请求失败（${status}）`);
    this.status = status;
    this.title = problem?.title || defaultTitle(status);
    this.detail = problem?.detail || '';
    // Validation problems carry their messages per field in `errors` ({field: [messages]}); kept as sent for pages
    // that show them at the fields, and an import's list of {file, line, message} is kept the same way.
    this.errors = problem?.errors ?? null;
    this.messages = problem?.errors ? Object.values(problem.errors).flat().filter((m) => typeof m === 'string') : [];
  }
}

function defaultTitle(status) {
  if (status === 0) return '无法连接服务器';
  if (status === 401) return '登录已失效';
  if (status === 403) return '无权操作';
  if (status === 404) return '未找到';
  return `请求失败（${status}）`;
}

/** The stored session ({token, expiresAt, user}) or null; sessionStorage, so it ends with the tab. */
export function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (!session?.token || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Milliseconds to add to Date.now() to get the server's clock, learnt from the Date header of answers. */
export let serverClockOffset = 0;

function learnClock(response) {
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(date)) return;
  const offset = date - Date.now();
  // The header has whole seconds only: ignore differences it cannot resolve.
  serverClockOffset = Math.abs(offset) > 2000 ? offset : 0;
}

/** Called when an answer says the token is no longer good (expired, or the person left org.yaml). */
let onUnauthorized = () => {};
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/**
 * Sends a request and returns the parsed JSON (null for 204), or with `as: 'blob'` the body as a Blob (a download).
 * A FormData body goes as multipart, anything else as JSON. Throws ProblemError for anything but 2xx;
 * a 401 on a signed-in request also signs the page out.
 */
export async function request(path, { method = 'GET', body, token = loadSession()?.token, signal, as = 'json' } = {}) {
  const headers = { Accept: as === 'blob' ? '*/*' : 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  // The browser writes a multipart body's Content-Type itself, boundary included.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  let response;
  try {
    const payload = body === undefined || multipart ? body : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: payload, signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ProblemError(0, { title: '无法连接服务器', detail: '请检查网络后重试。' });
  }

  learnClock(response);
  if (response.ok && as === 'blob') return response.blob();
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }

  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    throw new ProblemError(response.status, json);
  }

  return json;
}
