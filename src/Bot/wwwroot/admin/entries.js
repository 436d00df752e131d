// 知识条目: the searchable, paged list; the editor (保存草稿 / 发布 / 下线, validation messages at their fields,
// optimistic concurrency through `revision`); the history with a line diff between revisions. The editor also
// creates an entry from a review topic (POST …/mining/topics/{id}/accept).

import { h, hideProblem, showProblem } from '../console/dom.js';
import { call, handled, path } from './client.js';
import { ACTION, STATUS, formatDateTime } from './labels.js';

const PAGE_SIZE = 20;
const FIELDS = ['id', 'title', 'questions', 'answer', 'category', 'tags', 'department', 'source'];

const $ = (id) => document.getElementById(id);

const state = {
  query: { q: '', status: '', category: '', page: 1 },
  total: 0,
  listRequest: 0,
  listStale: true,
  entry: null, // the AdminEntry being edited, null for a new one
  topic: null, // the review topic a new entry is being made from
  pendingTopic: null,
  dirty: false,
  categories: new Map(), // slug → Chinese name
  announce: () => {},
  onTopicDecided: () => {},
};

/** Wires the list and the editor; `announce(text)` speaks a result, `onTopicDecided()` tells the review queue. */
export function initEntries({ announce, onTopicDecided }) {
  state.announce = announce;
  state.onTopicDecided = onTopicDecided;
  $('entry-search').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  $('search-status').addEventListener('change', search);
  $('search-category').addEventListener('change', search);
  $('page-prev').addEventListener('click', () => loadList(state.query.page - 1));
  $('page-next').addEventListener('click', () => loadList(state.query.page + 1));
  $('editor-form').addEventListener('input', () => { state.dirty = true; });
  $('editor-form').addEventListener('submit', (event) => event.preventDefault());
  $('ed-save').addEventListener('click', (event) => save('draft', event.currentTarget));
  $('ed-publish').addEventListener('click', (event) => publish(event.currentTarget));
  $('ed-retire').addEventListener('click', (event) => retire(event.currentTarget));
}

/** FAQ categories for the filter and the editor's suggestions. Without them the category is typed as a slug. */
export async function loadCategories() {
  try {
    const list = await call('/api/admin/categories');
    state.categories = new Map((list ?? []).map((c) => [c.id, c.name]));
  } catch (error) {
    if (handled(error)) return;
    state.categories = new Map();
  }

  $('search-category').replaceChildren(h('option', { value: '' }, '全部分类'),
    ...[...state.categories].map(([id, name]) => h('option', { value: id }, name)));
  $('category-options').replaceChildren(...[...state.categories].map(([id, name]) => h('option', { value: id }, name)));
}

function categoryName(slug) {
  return state.categories.get(slug) ?? slug ?? '—';
}

// ---- list -------------------------------------------------------------------------------------------------------

/** Shows the list alone (the editor closed); loads it the first time and after changes. */
export function showList() {
  $('editor').hidden = true;
  $('entries-panes').classList.remove('editing');
  if (state.listStale) loadList(state.query.page);
}

function search() {
  state.query.q = $('search-q').value.trim();
  state.query.status = $('search-status').value;
  state.query.category = $('search-category').value;
  loadList(1);
}

async function loadList(page) {
  const ticket = ++state.listRequest;
  const params = new URLSearchParams({ page: String(Math.max(1, page)), pageSize: String(PAGE_SIZE) });
  for (const key of ['q', 'status', 'category']) if (state.query[key]) params.set(key, state.query[key]);
  hideProblem($('list-error'));
  try {
    const result = await call(`/api/admin/entries?${params}`);
    if (ticket !== state.listRequest) return;
    state.query.page = Math.max(1, page);
    state.total = result?.total ?? 0;
    state.listStale = false;
    renderList(result?.items ?? []);
  } catch (error) {
    if (handled(error) || ticket !== state.listRequest) return;
    showProblem($('list-error'), error);
  }
}

function renderList(items) {
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  $('entry-count').textContent = state.total ? `共 ${state.total} 条` : '没有符合条件的条目';
  $('page-info').textContent = `第 ${state.query.page} / ${pages} 页`;
  $('page-prev').disabled = state.query.page <= 1;
  $('page-next').disabled = state.query.page >= pages;
  $('entry-rows').replaceChildren(...items.map((item) => h('tr', {
    'data-id': item.id,
    'aria-current': state.entry?.id === item.id ? 'true' : null,
  },
  h('td', { class: 'mono' }, item.id),
  h('td', {}, h('a', { href: `#/entries/${encodeURIComponent(item.id)}` }, item.title)),
  h('td', {}, categoryName(item.category)),
  h('td', {}, statusBadge(item.status)),
  h('td', { class: 'when' }, formatDateTime(item.changedAt), item.changedBy ? ` · ${item.changedBy}` : ''))));
}

function statusBadge(status) {
  return h('span', { class: `badge entry-status status-${status}`, 'data-field': 'status' }, STATUS[status] ?? status ?? '—');
}

function markCurrentRow() {
  for (const row of $('entry-rows').querySelectorAll('tr')) {
    if (row.dataset.id === state.entry?.id) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

// ---- editor -----------------------------------------------------------------------------------------------------

function showEditor() {
  $('editor').hidden = false;
  $('entries-panes').classList.add('editing');
  if (state.listStale) loadList(state.query.page);
}

/** An empty editor for a new entry. */
export function newEntry() {
  state.entry = null;
  state.topic = null;
  fillForm({});
  renderEditorFrame();
  showEditor();
  $('editor-heading').focus();
}

/** Loads an entry into the editor. */
export async function openEntry(id) {
  showEditor();
  hideProblem($('editor-error'));
  try {
    const entry = await call(path`/api/admin/entries/${id}`);
    state.topic = null;
    setEntry(entry);
    $('editor-heading').focus();
  } catch (error) {
    if (handled(error)) return;
    state.entry = null;
    renderEditorFrame();
    showProblem($('editor-error'), error.status === 404 ? { title: '未找到该条目', detail: `没有编号为 ${id} 的条目。` } : error);
  }
}

/** Remembers the topic an entry is to be made from; the route #/entries/topic then opens it. */
export function prepareTopic(topic) {
  state.pendingTopic = topic;
}

/** Opens the prepared topic: title = its first example, questions = its examples. False when none is prepared. */
export function openTopic() {
  const topic = state.pendingTopic;
  if (!topic) return false;
  state.pendingTopic = null;
  state.entry = null;
  state.topic = topic;
  const examples = topic.examples ?? [];
  fillForm({ title: examples[0] ?? topic.label ?? '', questions: examples });
  renderEditorFrame();
  showEditor();
  $('ed-answer').focus();
  return true;
}

function setEntry(entry) {
  state.entry = entry;
  fillForm(entry);
  renderEditorFrame();
  markCurrentRow();
  loadHistory(entry.id);
}

function fillForm(entry) {
  $('ed-id').value = entry.id ?? '';
  $('ed-title').value = entry.title ?? '';
  $('ed-questions').value = (entry.questions ?? []).join('\n');
  $('ed-answer').value = entry.answer ?? '';
  $('ed-category').value = entry.category ?? '';
  $('ed-tags').value = (entry.tags ?? []).join('、');
  $('ed-department').value = entry.department ?? '';
  $('ed-source').value = entry.source ?? '';
  state.dirty = false;
  clearFieldErrors();
  hideProblem($('editor-error'));
}

/** Heading, meta line and which buttons apply, from state.entry / state.topic. */
function renderEditorFrame() {
  const { entry, topic } = state;
  $('editor-heading').textContent = topic ? '由主题新建条目' : entry ? entry.title : '新建条目';
  $('field-id').hidden = Boolean(entry || topic);
  $('ed-questions').readOnly = Boolean(topic);
  $('ed-questions-hint').hidden = !topic;
  $('editor-topic').hidden = !topic;
  $('editor-topic').textContent = topic ? `未答主题「${topic.label}」，共 ${topic.count} 次提问。发布后，这些问题将由新条目回答。` : '';
  $('ed-save').hidden = Boolean(topic);
  $('ed-retire').hidden = !entry || entry.status === 'retired';
  $('ed-publish').textContent = topic ? '创建并发布' : '发布';
  const meta = $('editor-meta');
  if (entry) {
    meta.replaceChildren(h('span', {},
      statusBadge(entry.status), ' ',
      h('span', { class: 'mono' }, entry.id), ` · 第 ${entry.revision} 版 · ${formatDateTime(entry.changedAt)}`,
      entry.changedBy ? ` · ${entry.changedBy}` : '',
      entry.status === 'published' ? h('span', { class: 'hint-line' }, '保存草稿会撤回发布，居民将暂时查不到此条目；发布可保存修改并立即生效。') : null));
  } else {
    meta.replaceChildren();
  }

  $('history').hidden = !entry;
  if (!entry) {
    $('history-list').replaceChildren();
    $('diff').replaceChildren();
  }
}

function formBody() {
  const lines = (text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const optional = (text) => text.trim() || null;
  const body = {
    title: $('ed-title').value.trim(),
    questions: lines($('ed-questions').value),
    answer: $('ed-answer').value,
    category: $('ed-category').value.trim(),
    tags: $('ed-tags').value.split(/[,，、;；]/).map((tag) => tag.trim()).filter(Boolean),
    department: optional($('ed-department').value),
    source: optional($('ed-source').value),
  };
  const id = $('ed-id').value.trim();
  if (!state.entry && id) body.id = id;
  return body;
}

/** 保存草稿 (status draft) or, from 发布, the edits published at once. */
async function save(status, button) {
  if (state.topic) return acceptTopic(button);
  const body = { ...formBody(), status };
  const entry = state.entry;
  if (entry) body.revision = entry.revision;
  const saved = await send(button, () => (entry
    ? call(path`/api/admin/entries/${entry.id}`, { method: 'PUT', body })
    : call('/api/admin/entries', { method: 'POST', body })));
  if (!saved) return;
  setEntry(saved);
  history.replaceState(null, '', `#/entries/${encodeURIComponent(saved.id)}`);
  state.announce(`条目 ${saved.id} 已${status === 'published' ? '发布' : '保存为草稿'}。`);
}

async function publish(button) {
  const entry = state.entry;
  // Nothing edited: publish the stored revision as it is.
  if (entry && !state.dirty) {
    await transition('publish', button);
    return;
  }

  await save('published', button);
}

async function retire(button) {
  await transition('retire', button);
}

/** 发布 / 下线 of the stored entry; unsaved edits in the form stay where they are. */
async function transition(action, button) {
  const entry = state.entry;
  if (!entry) return;
  const updated = await send(button, () => call(path`/api/admin/entries/${entry.id}/${action}`, { method: 'POST' }));
  if (!updated) return;
  const dirty = state.dirty;
  state.entry = updated;
  if (!dirty) fillForm(updated);
  renderEditorFrame();
  loadHistory(updated.id);
  state.announce(`条目 ${updated.id} 已${action === 'publish' ? '发布' : '下线'}。`);
}

async function acceptTopic(button) {
  const topic = state.topic;
  const form = formBody();
  const body = { title: form.title, answer: form.answer, category: form.category };
  if (form.tags.length) body.tags = form.tags;
  const created = await send(button, () => call(path`/api/admin/mining/topics/${topic.id}/accept`, { method: 'POST', body }));
  if (!created) return;
  state.topic = null;
  setEntry(created);
  history.replaceState(null, '', `#/entries/${encodeURIComponent(created.id)}`);
  state.onTopicDecided();
  state.announce(`已由主题「${topic.label}」创建并发布条目 ${created.id}。`);
}

/** Runs one save; shows what went wrong at the fields or above the buttons. Returns the answer, or null. */
async function send(button, run) {
  clearFieldErrors();
  hideProblem($('editor-error'));
  for (const other of document.querySelectorAll('#editor-form .buttons button')) other.disabled = true;
  try {
    const result = await run();
    state.listStale = true;
    loadList(state.query.page);
    return result;
  } catch (error) {
    if (!handled(error)) showSaveProblem(error);
    return null;
  } finally {
    for (const other of document.querySelectorAll('#editor-form .buttons button')) other.disabled = false;
    // Disabling the button dropped the focus; give it back unless a field with a message has taken it.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && button?.isConnected && !button.hidden) button.focus();
  }
}

function showSaveProblem(error) {
  const box = $('editor-error');
  if (error.status === 409 && state.entry) {
    showProblem(box, { title: '条目已被他人修改，请刷新', detail: '刷新将载入最新版本，您未保存的修改会丢失；可先复制需要保留的内容。' });
    box.append(h('button', { type: 'button', onclick: () => openEntry(state.entry.id) }, '刷新'));
    return;
  }

  if (error.status === 409 && state.topic) {
    showProblem(box, { title: '该主题已被处理', detail: error.detail || '请回到待审核列表刷新。' });
    return;
  }

  if (error.status === 409) {
    showFieldError('id', [error.detail || '该编号已被占用，请换一个编号。']);
    showProblem(box, { title: error.title });
    return;
  }

  const errors = error.errors && !Array.isArray(error.errors) ? error.errors : null;
  if (!errors) {
    showProblem(box, error);
    return;
  }

  const elsewhere = [];
  let first = null;
  for (const [key, messages] of Object.entries(errors)) {
    const field = fieldOf(key);
    const list = [messages].flat().filter((m) => typeof m === 'string');
    if (field && !$(`ed-${field}`).closest('.field').hidden) {
      showFieldError(field, list);
      first ??= field;
    } else {
      elsewhere.push(...list);
    }
  }

  showProblem(box, { title: error.title || '请检查填写的内容', detail: first ? '请按各栏下方的提示修改。' : '', messages: elsewhere });
  if (first) $(`ed-${first}`).focus();
}

/** "Title", "questions[2]", "questions.2" → the form field it belongs to, or null. */
function fieldOf(key) {
  const name = key.split(/[.[]/)[0];
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  return FIELDS.includes(field) ? field : null;
}

function showFieldError(field, messages) {
  const input = $(`ed-${field}`);
  const box = $(`ed-${field}-error`);
  box.textContent = messages.join(' ');
  box.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

function clearFieldErrors() {
  for (const field of FIELDS) {
    $(`ed-${field}-error`).hidden = true;
    $(`ed-${field}-error`).textContent = '';
    $(`ed-${field}`).removeAttribute('aria-invalid');
  }
}

// ---- history and diff -------------------------------------------------------------------------------------------

async function loadHistory(id) {
  const list = $('history-list');
  $('diff').replaceChildren();
  try {
    const revisions = await call(path`/api/admin/entries/${id}/revisions`);
    if (state.entry?.id !== id) return;
    list.replaceChildren(...(revisions ?? []).map((revision, i, all) => {
      const previous = all[i + 1];
      return h('li', { 'data-revision': revision.revision },
        h('span', { class: 'what' }, `第 ${revision.revision} 版 · ${ACTION[revision.action] ?? revision.action}`), ' ',
        h('span', { class: 'when' }, `${formatDateTime(revision.at)} · ${revision.author ?? '—'} · ${STATUS[revision.status] ?? revision.status ?? ''}`),
        previous ? h('button', {
          type: 'button',
          class: 'small',
          'aria-label': `查看第 ${previous.revision} 版到第 ${revision.revision} 版的改动`,
          onclick: () => loadDiff(id, previous.revision, revision.revision),
        }, '查看改动') : null);
    }));
  } catch (error) {
    if (handled(error)) return;
    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, error);
    list.replaceChildren(h('li', {}, box));
  }
}

async function loadDiff(id, from, to) {
  const box = $('diff');
  box.replaceChildren(h('p', { class: 'hint' }, '正在比较…'));
  try {
    const diff = await call(`${path`/api/admin/entries/${id}/diff`}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const lines = diff?.lines ?? [];
    const added = lines.filter((line) => line.kind === 'added').length;
    const removed = lines.filter((line) => line.kind === 'removed').length;
    box.replaceChildren(
      h('h4', {}, `第 ${diff.from} 版 → 第 ${diff.to} 版：新增 ${added} 行，删除 ${removed} 行`),
      h('ol', { class: 'diff-lines', 'aria-label': '逐行改动' }, lines.map(diffLine)));
  } catch (error) {
    if (handled(error)) return;
    const problem = h('div', { class: 'problem', role: 'alert' });
    showProblem(problem, error);
    box.replaceChildren(problem);
  }
}

const MARKER = { added: ['+', '新增：'], removed: ['-', '删除：'], same: [' ', ''] };

/** One line of the diff: a +/- marker (and for screen readers a word) besides the colour. */
function diffLine(line) {
  const [marker, spoken] = MARKER[line.kind] ?? MARKER.same;
  return h('li', { class: `diff-${line.kind}`, 'data-kind': line.kind },
    h('span', { class: 'marker', 'aria-hidden': 'true' }, marker),
    spoken ? h('span', { class: 'sr-only' }, spoken) : null,
    h('span', { class: 'text' }, line.text ?? ''));
}
