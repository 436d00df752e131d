// One conversation's live messages from GET /api/chat/conversations/{id}/events, read with fetch() and parsed here
// (as the workers' console does). On every connect the server replays the conversation's last ≤50 messages, so a
// reconnect needs no bookkeeping beyond the caller skipping ids it has shown.

import { backoff, readEvents } from '../console/sse.js';

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
          await readEvents(response.body, {
            onEvent(type, data) {
              if (type !== 'message') return;
              try {
                onMessage(JSON.parse(data));
              } catch (error) {
                // One malformed event must not end the stream; the next connect replays what is missing.
                console.warn('无法解析的消息', error?.name ?? '');
              }
            },
          });
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
