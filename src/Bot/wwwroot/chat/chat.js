// The residents' web chat: join a grid's residents' group (as a resident, or as its grid worker), talk there with
// @百事通, and follow the bot into the private thread when it asks for a phone number or an exact address. Plain DOM,
// no framework; everything goes through /api/chat like any other channel.

import { loadGroups, sendMessage } from './api.js';
import { h } from '../console/dom.js';
import { subscribe } from './stream.js';
import { Thread } from './thread.js';

const SENDER_KEY = 'citizenbot.chat.sender';
const JOIN_KEY = 'citizenbot.chat.join';
const SEEN_PRIVATE_KEY = 'citizenbot.chat.seen-private';
const BOT_MENTION = '@百事通 ';

const $ = (id) => document.getElementById(id);

const state = {
  groups: [],
  me: null, // {senderId, name, asWorker}
  group: null,
  pane: 'group',
  threads: {}, // pane → Thread
  conversations: {}, // pane → {id, type}
  streams: [],
  privateStream: null,
  unread: 0,
};

// ---- identity -----------------------------------------------------------------------------------------------

function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One resident per tab: sessionStorage survives a reload but not a new tab, so two tabs are two residents. */
function residentId() {
  let id = sessionStorage.getItem(SENDER_KEY);
  if (!id) {
    id = `web-${randomHex(8)}`;
    sessionStorage.setItem(SENDER_KEY, id);
  }

  return id;
}

function savedJoin() {
  try {
    return JSON.parse(sessionStorage.getItem(JOIN_KEY) ?? 'null');
  } catch {
    return null;
  }
}

// ---- join ---------------------------------------------------------------------------------------------------

function showNote(box, error) {
  box.replaceChildren(
    h('strong', {}, error?.title ?? '操作失败'),
    ...[error?.detail, ...(error?.messages ?? [])].filter(Boolean).map((line) => h('span', {}, ' ', line)),
  );
  box.hidden = false;
}

function hideNote(box) {
  box.hidden = true;
  box.replaceChildren();
}

async function showJoin() {
  $('chat-view').hidden = true;
  $('join-view').hidden = false;
  const select = $('join-group');
  hideNote($('join-error'));
  try {
    state.groups = await loadGroups();
  } catch (error) {
    showNote($('join-error'), error);
    select.replaceChildren(h('option', { value: '' }, '群列表加载失败'));
    return;
  }

  const saved = savedJoin();
  select.replaceChildren(
    h('option', { value: '' }, '请选择居民群'),
    ...state.groups.map((group) => h('option', { value: group.conversationId }, group.name)),
  );
  if (saved && state.groups.some((group) => group.conversationId === saved.conversationId)) {
    select.value = saved.conversationId;
  }

  updateWorkerHint();
}

function selectedGroup() {
  return state.groups.find((group) => group.conversationId === $('join-group').value) ?? null;
}

function updateWorkerHint() {
  const asWorker = $('join-as-worker').checked;
  const group = selectedGroup();
  const hint = $('join-worker-hint');
  $('join-name').disabled = asWorker;
  hint.hidden = !asWorker;
  hint.textContent = group?.worker ? `将以本群网格员 ${group.worker.name} 的身份发言` : '请先选择居民群';
}

function onJoin(event) {
  event.preventDefault();
  const box = $('join-error');
  hideNote(box);
  const group = selectedGroup();
  const asWorker = $('join-as-worker').checked;
  const name = $('join-name').value.trim();
  if (!group) {
    showNote(box, { title: '请选择居民群' });
    return;
  }

  if (asWorker && !group.worker) {
    showNote(box, { title: '该群没有登记网格员' });
    return;
  }

  if (!asWorker && !name) {
    showNote(box, { title: '请填写群昵称' });
    $('join-name').focus();
    return;
  }

  sessionStorage.setItem(JOIN_KEY, JSON.stringify({ conversationId: group.conversationId, name, asWorker }));
  enterChat(group, asWorker ? { senderId: group.worker.senderId, name: group.worker.name, asWorker } : { senderId: residentId(), name, asWorker });
}

// ---- chat ---------------------------------------------------------------------------------------------------

function privateId() {
  return `dm-${state.me.senderId}`;
}

function enterChat(group, me) {
  state.group = group;
  state.me = me;
  $('join-view').hidden = true;
  $('chat-view').hidden = false;
  $('chat-title').textContent = group.name;
  document.title = `${group.name} · 百事通`;
  hideNote($('send-error'));

  const handlers = { me, workerId: group.worker?.senderId, onChoice, onRetry };
  state.threads.group = new Thread($('pane-group'), handlers);
  state.conversations.group = { id: group.conversationId, type: 'group' };
  state.streams.push(subscribe(group.conversationId, {
    onMessage: (message) => state.threads.group.add(message),
    onState: (live) => setLive(live),
  }));

  // A grid worker talks in the group; private threads are residents' (their messages reach the worker as tickets).
  $('tab-private').hidden = me.asWorker;
  if (!me.asWorker) {
    state.threads.private = new Thread($('pane-private'), handlers);
    state.conversations.private = { id: privateId(), type: 'private' };
    state.privateStream = subscribe(privateId(), { onMessage: onPrivateMessage, onState: () => {} });
    state.streams.push(state.privateStream);
  }

  showPane('group');
  $('composer-text').focus();
}

function leave() {
  state.streams.forEach((stream) => stream.stop());
  state.streams = [];
  state.privateStream = null;
  sessionStorage.removeItem(JOIN_KEY);
  $('pane-group').replaceChildren();
  $('pane-private').replaceChildren(h('li', { class: 'system', id: 'private-empty' }, '百事通需要核实电话等个人信息时，会在这里私聊您，群里其他人看不到。'));
  state.unread = 0;
  updateBadge();
  showJoin();
}

function setLive(live) {
  const status = $('live-status');
  status.dataset.state = live;
  status.title = { connecting: '正在连接…', open: '已连接', retrying: '连接中断，正在重连…', missing: '群聊不存在' }[live] ?? '';
}

function onPrivateMessage(message) {
  if (!state.threads.private.add(message)) return;
  $('private-empty')?.remove();
  const seen = Number(sessionStorage.getItem(SEEN_PRIVATE_KEY) ?? '0');
  if (state.pane === 'private') {
    sessionStorage.setItem(SEEN_PRIVATE_KEY, String(Math.max(seen, message.id)));
  } else if (message.id > seen && message.fromBot) {
    state.unread += 1;
    updateBadge();
  }
}

function updateBadge() {
  const badge = $('badge-private');
  badge.textContent = state.unread > 99 ? '99+' : String(state.unread);
  badge.hidden = state.unread === 0;
  $('tab-private').setAttribute('aria-label', state.unread ? `私聊百事通，${state.unread} 条新消息` : '私聊百事通');
}

function showPane(pane) {
  state.pane = pane;
  for (const name of ['group', 'private']) {
    $(`pane-${name}`).hidden = name !== pane;
    $(`tab-${name}`).setAttribute('aria-selected', String(name === pane));
  }

  $('mention-bot').hidden = pane !== 'group';
  $('composer-text').placeholder = pane === 'group' ? '输入消息，@百事通 提问' : '发消息给百事通';
  if (pane === 'private') {
    state.unread = 0;
    updateBadge();
    const last = Math.max(0, ...state.threads.private.seen);
    sessionStorage.setItem(SEEN_PRIVATE_KEY, String(last));
  }

  state.threads[pane]?.scrollToEnd();
}

// ---- sending ------------------------------------------------------------------------------------------------

const outbox = new Map(); // messageId → {pane, text}

async function send(pane, text) {
  const messageId = `web-${randomHex(12)}`;
  outbox.set(messageId, { pane, text });
  state.threads[pane].addPending(messageId, text, state.conversations[pane].id);
  await deliver(messageId);
}

async function deliver(messageId) {
  const { pane, text } = outbox.get(messageId);
  const thread = state.threads[pane];
  const conversation = state.conversations[pane];
  const box = $('send-error');
  hideNote(box);
  try {
    const receipt = await sendMessage({
      conversationId: conversation.id,
      conversationType: conversation.type,
      senderId: state.me.senderId,
      senderName: state.me.name,
      text,
      messageId,
    });
    outbox.delete(messageId);
    thread.markSent(messageId);
    // The bot just opened (or wrote in) the private thread: subscribe now instead of at the next quiet retry.
    if ((receipt?.replies ?? []).some((reply) => reply.conversationId === state.conversations.private?.id)) {
      state.privateStream?.wake();
    }
  } catch (error) {
    showNote(box, error);
    if (error.retryable) {
      // Kept on screen with a resend button; the same message id makes a resend safe if the first one did arrive.
      thread.markFailed(messageId);
      return;
    }

    // Refused as it is: back into the input to be corrected, never lost.
    outbox.delete(messageId);
    thread.remove(messageId);
    const input = $('composer-text');
    input.value = input.value ? `${text}\n${input.value}` : text;
    if (state.pane !== pane) showPane(pane);
    input.focus();
  }
}

function onRetry(messageId) {
  if (!outbox.has(messageId)) return;
  const { pane } = outbox.get(messageId);
  state.threads[pane].markSending(messageId);
  deliver(messageId);
}

function onSubmit(event) {
  event.preventDefault();
  const input = $('composer-text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  fitInput();
  send(state.pane, text);
  input.focus();
}

/** A tapped choice sends its reply text as is: the bot takes an answer to its own question without @百事通. */
function onChoice(reply, message, buttons) {
  const pane = message.conversationType === 'private' ? 'private' : 'group';
  for (const button of buttons.querySelectorAll('button')) button.disabled = true;
  send(pane, reply);
}

function insertMention() {
  const input = $('composer-text');
  if (input.value.includes(BOT_MENTION.trim())) {
    input.focus();
    return;
  }

  const at = input.selectionStart ?? input.value.length;
  input.value = input.value.slice(0, at) + BOT_MENTION + input.value.slice(input.selectionEnd ?? at);
  const caret = at + BOT_MENTION.length;
  input.focus();
  input.setSelectionRange(caret, caret);
  fitInput();
}

function onKeyDown(event) {
  // Enter sends, Shift+Enter breaks the line; never while an IME is composing Chinese.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    $('send-form').requestSubmit();
  }
}

function fitInput() {
  const input = $('composer-text');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
}

// ---- start --------------------------------------------------------------------------------------------------

async function start() {
  $('join-form').addEventListener('submit', onJoin);
  $('join-group').addEventListener('change', updateWorkerHint);
  $('join-as-worker').addEventListener('change', updateWorkerHint);
  $('leave').addEventListener('click', leave);
  $('send-form').addEventListener('submit', onSubmit);
  $('mention-bot').addEventListener('click', insertMention);
  $('composer-text').addEventListener('keydown', onKeyDown);
  $('composer-text').addEventListener('input', fitInput);
  for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => showPane(tab.dataset.pane));

  await showJoin();
  // A reload of a tab that had joined goes straight back into its chat, as the same resident.
  const saved = savedJoin();
  const group = state.groups.find((candidate) => candidate.conversationId === saved?.conversationId);
  if (group && (!saved.asWorker || group.worker)) {
    enterChat(group, saved.asWorker
      ? { senderId: group.worker.senderId, name: group.worker.name, asWorker: true }
      : { senderId: residentId(), name: saved.name, asWorker: false });
  }
}

start();
