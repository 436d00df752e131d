// One conversation's live messages from GET /api/chat/conversations/{id}/events, read with fetch() and parsed here
// (as the workers' console does). On every connect the server replays the conversation's last ≤50 messages, so a
// reconnect needs no bookkeeping beyond the caller skipping ids it has shown.

const MAX_BACKOFF_MS = 30_000;
// A resident's private thread exists only once the bot has written there; until then the server says 404.
const MISSING_RETRY_MS = 3_000;

/**
 * Starts listening; returns { stop, wake }. wake() cuts a wait short (e.g. the bot just named this conversation).
 * Callbacks:
 *   onMessage(message)  {id, conversationId, senderId, senderName, fromBot, text, mentions, choices, entryId, ticketNumber, at}
 *   onState(state)      'connecting' | 'open' | 'missing' (404, retried quietly) | 'retrying'
 */
export function subscribe(conversationId, { onMessage, onState }) {
  const url = `/api/chat/conversations/${encodeURIComponent(conversationId)}/events`;
  let stopped = false;
  let controller = null;
  let attempt = 0;
  let wake = null;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      let delay;
      try {
        onState('connecting');
        const response = await fetch(url, { headers: { Accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal });
        if (response.status === 404) {
          onState('missing');
          delay = MISSING_RETRY_MS;
        } else {
          if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
          onState('open');
          attempt = 0;
          await readEvents(response.body, onMessage);
        }
      } catch (error) {
        if (stopped) return;
        // No message text in the log: the phone may be shared.
        console.warn('会话连接中断', error?.name ?? '');
      }

      if (stopped) return;
      delay ??= backoff(attempt++);
      if (delay !== MISSING_RETRY_MS) onState('retrying');
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
      wake = null;
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      controller?.abort();
      wake?.();
    },
    wake() {
      wake?.();
    },
  };
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by every phone at once. */
function backoff(attempt) {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

async function readEvents(body, onMessage) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // Lines end with \n; a stray \r from a proxy is dropped so blocks still split on a blank line.
    buffer += value.replaceAll('\r', '');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = parseBlock(block);
      if (event?.type !== 'message') continue;
      try {
        onMessage(JSON.parse(event.data));
      } catch (error) {
        // One malformed event must not end the stream; the next connect replays what is missing.
        console.warn('无法解析的消息', error?.name ?? '');
      }
    }
  }
}

function parseBlock(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue; // comments: heartbeats
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }

  return data.length ? { type, data: data.join('\n') } : null;
}
