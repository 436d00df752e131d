// The chat API: the groups to join and sending a message. No sign-in: the web chat is a channel like WeCom, and a
// resident is whoever this tab says it is. Problem details (RFC 7807, Chinese title/detail) become ChatError.

/** A request that did not succeed: status 0 for no answer at all, else the HTTP status and the problem's text. */
export class ChatError extends Error {
  constructor(status, problem) {
    super(problem?.title || defaultTitle(status));
    this.status = status;
    this.title = problem?.title || defaultTitle(status);
    this.detail = problem?.detail || '';
    this.messages = problem?.errors ? Object.values(problem.errors).flat() : [];
  }

  /** Sending the same message again may work (no answer, a server fault); a refused message would be refused again. */
  get retryable() {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

function defaultTitle(status) {
  if (status === 0) return '网络连接失败';
  if (status === 404) return '未找到';
  if (status >= 500) return '服务暂时不可用';
  return `发送失败（${status}）`;
}

async function call(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ChatError(0, { title: '网络连接失败', detail: '消息未发出，请检查网络后重试。' });
  }

  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }

  if (!response.ok) throw new ChatError(response.status, json);
  return json;
}

/** [{conversationId, name, gridId, gridName, worker: {senderId, name}}] */
export function loadGroups() {
  return call('/api/chat/groups');
}

/**
 * Sends one message; resolves to {duplicate, replies: [{conversationId, conversationType, text, …}]}. The replies
 * arrive on the conversations' streams as well, which is where the page shows them.
 */
export function sendMessage(message) {
  return call('/api/chat/messages', { method: 'POST', body: { channel: 'web', ...message } });
}
