// Live ticket changes from GET /api/tickets/events. EventSource cannot send an Authorization header, so the
// stream is read with fetch() and parsed here. The stream is only a hint: on every (re)connect the caller reloads
// its queue, because changes made while the page was disconnected are not replayed.

import { backoff, readEvents } from './sse.js';

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
        let opened = false;
        await readEvents(response.body, {
          onBlock() {
            if (opened) return;
            opened = true;
            attempt = 0;
            onOpen();
          },
          onEvent(type, data) {
            if (type !== 'ticket') return;
            try {
              onChange(JSON.parse(data));
            } catch {
              // A malformed event is skipped; the periodic reload still brings the queue up to date.
            }
          },
        });
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
