// Server-sent events read with fetch(), shared by the workers' console and the residents' web chat: EventSource
// cannot send an Authorization header, and both pages want the same reconnect rhythm.

export const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by every page at once. */
export function backoff(attempt) {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Reads blocks until the stream ends, calling onBlock() for every block (comments too, so the first one — the
 * server's ": connected" — tells the stream is open) and onEvent(type, data) for each block that carries data.
 */
export async function readEvents(body, { onBlock, onEvent }) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // The server ends lines with \n only; a stray \r from a proxy is dropped so blocks still split on \n\n.
    buffer += value.replaceAll('\r', '');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      onBlock?.();
      const event = parseBlock(block);
      if (event) onEvent(event.type, event.data);
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
