// One conversation on screen: a list of WeChat-style bubbles fed by the live stream, plus the resident's own
// messages shown the moment they are sent and matched to their echo on the stream. All text goes in as text nodes
// (h() never parses HTML), so nothing a resident, worker or the bot writes can become markup.

import { h } from '../console/dom.js';

const TIME_GAP_MS = 5 * 60_000; // WeChat shows a time line when messages are further apart than this
const NEAR_BOTTOM_PX = 80;
const BOT_NAME = '百事通';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const dayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

function formatTime(ms) {
  const sameDay = dayFormat.format(ms) === dayFormat.format(Date.now());
  return sameDay ? timeFormat.format(ms) : `${dayFormat.format(ms)} ${timeFormat.format(ms)}`;
}

export class Thread {
  /**
   * @param list      the <ol> the bubbles go in
   * @param me        {senderId, name}
   * @param workerId  the group's grid worker, whose name gets a 网格员 tag
   * @param onChoice  (reply, message, buttons) when a choice under a bot message is tapped
   * @param onRetry   (messageId) when a failed own message is tapped to send again
   */
  constructor(list, { me, workerId, onChoice, onRetry }) {
    this.list = list;
    this.me = me;
    this.workerId = workerId;
    this.onChoice = onChoice;
    this.onRetry = onRetry;
    this.seen = new Set();
    this.pending = new Map(); // messageId → {item, text}
    this.lastAt = null;
  }

  /** Shows a message from the stream unless it was shown before; returns true when it is new on screen. */
  add(message) {
    if (this.seen.has(message.id)) return false;
    this.seen.add(message.id);
    const at = Date.parse(message.at);
    if (!message.fromBot && message.senderId === this.me.senderId) {
      const echo = this.takePending(message.messageId, message.text);
      if (echo) {
        // Already on screen since it was sent; the stream only confirms it.
        echo.dataset.id = message.id;
        return false;
      }
    }

    const stick = this.isNearBottom() || (!message.fromBot && message.senderId === this.me.senderId);
    this.appendTime(Number.isNaN(at) ? Date.now() : at);
    this.list.append(this.render(message));
    if (stick) this.scrollToEnd();
    return true;
  }

  /** The resident's own message, shown at once while it is sent. */
  addPending(messageId, text, conversationId) {
    this.appendTime(Date.now());
    const item = this.render({ conversationId, senderId: this.me.senderId, senderName: this.me.name, fromBot: false, text, mentions: [], choices: [] });
    item.dataset.messageId = messageId;
    item.dataset.state = 'sending';
    item.querySelector('.body').append(h('span', { class: 'status', 'aria-label': '发送中' }));
    this.pending.set(messageId, { item, text });
    this.list.append(item);
    this.scrollToEnd();
  }

  /** The server took the message; its echo may already have come (or come later) on the stream. */
  markSent(messageId) {
    const item = this.itemOf(messageId);
    if (!item) return;
    item.dataset.state = 'sent';
    item.querySelector('.status')?.replaceChildren();
  }

  /** Sending failed in a way that may pass next time: the bubble stays, with a button to send it again. */
  markFailed(messageId) {
    const item = this.itemOf(messageId);
    if (!item) return;
    item.dataset.state = 'failed';
    item.querySelector('.status')?.replaceWith(h('button', {
      type: 'button', class: 'status retry', title: '重新发送', 'aria-label': '发送失败，点击重发',
      onclick: () => this.onRetry(messageId),
    }, '!'));
  }

  /** Back to "sending" for a retry. */
  markSending(messageId) {
    const item = this.itemOf(messageId);
    if (!item) return;
    item.dataset.state = 'sending';
    item.querySelector('.status')?.replaceWith(h('span', { class: 'status', 'aria-label': '发送中' }));
  }

  /** The server refused the message: it leaves the thread (the caller puts the text back in the input). */
  remove(messageId) {
    const entry = this.pending.get(messageId);
    this.pending.delete(messageId);
    entry?.item.remove();
  }

  textOf(messageId) {
    return this.pending.get(messageId)?.text ?? this.list.querySelector(`[data-message-id="${CSS.escape(messageId)}"] .text`)?.textContent;
  }

  itemOf(messageId) {
    return this.list.querySelector(`li[data-message-id="${CSS.escape(messageId)}"]`);
  }

  takePending(echoedId, text) {
    // The stream names the message id of a person's message: match on it; by text only for a stream that does not.
    const byId = echoedId ? this.pending.get(echoedId) : undefined;
    if (byId && !byId.item.dataset.id) {
      this.pending.delete(echoedId);
      return byId.item;
    }

    for (const [messageId, entry] of this.pending) {
      if (entry.text.trim() === text.trim() && !entry.item.dataset.id) {
        this.pending.delete(messageId);
        return entry.item;
      }
    }

    return null;
  }

  isNearBottom() {
    const list = this.list;
    return list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToEnd() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  appendTime(at) {
    if (this.lastAt !== null && at - this.lastAt < TIME_GAP_MS) {
      this.lastAt = Math.max(this.lastAt, at);
      return;
    }

    this.lastAt = at;
    this.list.append(h('li', { class: 'time' }, formatTime(at)));
  }

  render(message) {
    const own = !message.fromBot && message.senderId === this.me.senderId;
    const mentionsMe = (message.mentions ?? []).includes(this.me.senderId);
    const kind = own ? 'own' : message.fromBot ? 'bot' : 'other';
    const name = message.fromBot ? BOT_NAME : message.senderName || message.senderId;
    const item = h('li', {
      class: `msg ${kind}${mentionsMe ? ' mentions-me' : ''}`,
      'data-id': message.id,
      'data-sender': message.senderId,
      'data-conversation': message.conversationId,
      // For the bot: said to this resident (named in the group, or anything in their private thread).
      'data-to-me': message.fromBot && (mentionsMe || message.conversationType === 'private') ? 'true' : null,
    });

    const body = h('div', { class: 'body' });
    if (!own) {
      body.append(h('p', { class: 'name' },
        name,
        message.senderId === this.workerId && !message.fromBot ? h('span', { class: 'tag' }, '网格员') : null,
        mentionsMe ? h('span', { class: 'at-you' }, '@你') : null));
    }

    const bubble = h('div', { class: 'bubble' }, h('p', { class: 'text' }, ...this.highlight(message.text ?? '', message.ticketNumber)));
    if (message.ticketNumber) {
      bubble.append(h('p', { class: 'ticket' }, '工单号 ', h('strong', { class: 'ticket-number' }, message.ticketNumber)));
    }

    if (message.entryId) bubble.append(h('p', { class: 'source' }, `来源：${message.entryId}`));
    body.append(bubble);

    const choices = message.choices ?? [];
    if (choices.length) {
      const buttons = h('div', { class: 'choices', role: 'group', 'aria-label': '快捷回复' });
      for (const choice of choices) {
        buttons.append(h('button', { type: 'button', onclick: () => this.onChoice(choice.reply, message, buttons) }, choice.label));
      }

      body.append(buttons);
    }

    item.append(h('span', { class: 'avatar', 'aria-hidden': 'true' }, message.fromBot ? '百' : [...name][0] ?? '?'), body);
    return item;
  }

  /** Text nodes, with "@<my name>" and the ticket number wrapped in spans to stand out. */
  highlight(text, ticketNumber) {
    const marks = [`@${this.me.name}`, ticketNumber].filter((mark) => mark && mark.length > 1);
    if (!marks.length) return [text];
    const parts = [];
    let rest = text;
    for (;;) {
      let first = -1;
      let mark = '';
      for (const candidate of marks) {
        const at = rest.indexOf(candidate);
        if (at >= 0 && (first < 0 || at < first)) {
          first = at;
          mark = candidate;
        }
      }

      if (first < 0) break;
      parts.push(rest.slice(0, first), h('span', { class: mark === ticketNumber ? 'mark-ticket' : 'at-me' }, mark));
      rest = rest.slice(first + mark.length);
    }

    parts.push(rest);
    return parts.filter((part) => part !== '');
  }
}
