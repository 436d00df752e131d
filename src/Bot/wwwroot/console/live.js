// Live ticket changes from GET /api/tickets/events. EventSource cannot send an Authorization header, so the
// stream is read with fetch() and parsed here. The stream is only a hint: on every (re)connect the caller reloads
// its queue, because changes made while the page was disconnected are not replayed.

const MAX_BACKOFF_MS = 30_000;

/**
 * Starts listening; returns { stop }. Callbacks:
 *   onOpen()           the stream is up (after a reconnect too): reload what is shown
 *   onChange(change)   {number, event, status, level, holderNodeId, version, at}
 *   onRetry(delayMs)   the stream broke; the next attempt is in delayMs
 *   onUnauthorized()   the token was refused: stop and sign out
 */
export function connectLive({ token, onOpen, onChange, onRetry, onUnauthorized }) {
  let stopped = false;
  let controller = null;
  let attempt = 0;
  let wake = null;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/tickets/events', {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401) {
          stopped = true;
          onUnauthorized();
          return;
        }

        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        await readEvents(response.body, () => {
          attempt = 0;
          onOpen();
        }, onChange);
      } catch (error) {
        if (stopped) return;
        // No ticket data in the message: the console may be on a shared screen.
        console.warn('实时更新连接中断', error?.name ?? '');
      }

      if (stopped) return;
      const delay = backoff(attempt++);
      onRetry(delay);
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      controller?.abort();
      wake?.();
    },
  };
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by every page at once. */
function backoff(attempt) {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Reads SSE blocks until the stream ends; the first block (the server's ": connected" comment) means open. */
async function readEvents(body, onFirstBlock, onChange) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let opened = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // The server ends lines with \n only; a stray \r from a proxy is dropped so blocks still split on \n\n.
    buffer += value.replaceAll('\r', '');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (!opened) {
        opened = true;
        onFirstBlock();
      }

      const event = parseBlock(block);
      if (event?.type === 'ticket') {
        try {
          onChange(JSON.parse(event.data));
        } catch {
          // A malformed event is skipped; the periodic reload still brings the queue up to date.
        }
      }
    }
  }
}

function parseBlock(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue; // comments: heartbeats and the opening line
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }

  return data.length ? { type, data: data.join('\n') } : null;
}
