// 待审核: the latest mining report with what is already decided taken out. New words go into the lexicon, become a
// synonym of a known term, or are ignored; unanswered topics become a new entry (in the editor), are attached to an
// existing entry as its alternative questions, or are ignored. 立即挖掘 runs the miners now.

import { h, hideProblem, showProblem } from '../console/dom.js';
import { countBars } from './charts.js';
import { call, handled, path } from './client.js';
import { formatDateTime, formatRatio } from './labels.js';

const $ = (id) => document.getElementById(id);

const state = {
  stale: true,
  announce: () => {},
  createEntry: () => {},
};

/** `createEntry(topic)` opens the editor prefilled from a topic. */
export function initReview({ announce, createEntry }) {
  state.announce = announce;
  state.createEntry = createEntry;
  $('mine-now').addEventListener('click', (event) => mineNow(event.currentTarget));
}

/** Reload on next show: something outside this panel decided a topic. */
export function markReviewStale() {
  state.stale = true;
}

export function showReview() {
  if (state.stale) loadQueue();
}

async function loadQueue() {
  hideProblem($('review-error'));
  $('review-generated').textContent = '正在加载…';
  try {
    const queue = await call('/api/admin/mining/latest');
    state.stale = false;
    render(queue);
  } catch (error) {
    if (handled(error)) return;
    $('terms').replaceChildren();
    $('topics').replaceChildren();
    if (error.status === 404) {
      state.stale = false;
      $('review-generated').textContent = '尚未进行过挖掘。点击「立即挖掘」分析居民最近的提问。';
      return;
    }

    $('review-generated').textContent = '';
    showProblem($('review-error'), error);
  }
}

async function mineNow(button) {
  button.disabled = true;
  hideProblem($('review-error'));
  $('review-generated').textContent = '正在挖掘，请稍候…';
  try {
    await call('/api/admin/mining/run', { method: 'POST' });
    state.announce('挖掘完成。');
    await loadQueue();
  } catch (error) {
    if (handled(error)) return;
    $('review-generated').textContent = '';
    showProblem($('review-error'), error);
  } finally {
    button.disabled = false;
  }
}

function render(queue) {
  const stats = queue?.statistics;
  $('review-generated').textContent = [
    queue?.generatedAt ? `挖掘时间：${formatDateTime(queue.generatedAt)}` : null,
    stats ? `近期 ${stats.recentMessages} 条提问，上期 ${stats.previousMessages} 条` : null,
  ].filter(Boolean).join('　');
  // newWords are the terms the lexicon does not know; older reports may only mark them in terms.
  const terms = queue?.newWords ?? (queue?.terms ?? []).filter((term) => term.isNew !== false);
  renderTerms(terms);
  renderTopics(queue?.topics ?? []);
}

// ---- new words --------------------------------------------------------------------------------------------------

function renderTerms(terms) {
  const box = $('terms');
  if (!terms.length) {
    box.replaceChildren(h('p', { class: 'hint', 'data-empty': 'terms' }, '没有待审核的新词。'));
    return;
  }

  const max = Math.max(1, ...terms.map((t) => Math.max(t.count ?? 0, t.previousCount ?? 0)));
  box.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'terms-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '新词'), h('th', { scope: 'col' }, '次数'), h('th', { scope: 'col' }, '上升'),
      h('th', { scope: 'col' }, '本期与上期'), h('th', { scope: 'col' }, '处理'))),
    h('tbody', {}, terms.map((term) => termRow(term, max))))));
}

function termRow(term, max) {
  const row = h('tr', { 'data-term': term.term });
  const problem = h('div', { class: 'problem', role: 'alert', hidden: true });
  const actions = h('div', { class: 'row-actions' },
    h('button', { type: 'button', class: 'small', onclick: (event) => decideTerm(row, problem, event.currentTarget, 'accept', { term: term.term }, `「${term.term}」已加入词库。`) }, '加入词库'),
    h('button', { type: 'button', class: 'small', onclick: () => synonymForm(row, term, actions, problem) }, '设为同义词'),
    h('button', { type: 'button', class: 'small', onclick: (event) => decideTerm(row, problem, event.currentTarget, 'dismiss', { term: term.term }, `已忽略「${term.term}」。`) }, '忽略'),
    problem);
  row.append(
    h('th', { scope: 'row', class: 'term' }, term.term),
    h('td', { class: 'num' }, String(term.count ?? 0)),
    h('td', { class: 'num' }, formatRatio(term.rise)),
    h('td', {}, countBars(term.count, term.previousCount, max, `「${term.term}」出现次数`)),
    h('td', {}, actions));
  return row;
}

/** 设为同义词 asks which known term this one means, in place. */
function synonymForm(row, term, actions, problem) {
  if (actions.querySelector('form')) return;
  const inputId = `synonym-${encodeURIComponent(term.term).replace(/%/g, '')}`;
  const input = h('input', { id: inputId, autocomplete: 'off', required: true });
  const form = h('form', { class: 'synonym-form', novalidate: true },
    h('label', { for: inputId }, `「${term.term}」是哪个已有词的同义词`),
    input,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'small primary' }, '确定'),
      h('button', { type: 'button', class: 'small', onclick: () => form.remove() }, '取消')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const of = input.value.trim();
    if (!of) {
      showProblem(problem, { title: '请填写已有的词' });
      input.focus();
      return;
    }

    decideTerm(row, problem, event.submitter, 'synonym', { term: term.term, of }, `「${term.term}」已设为「${of}」的同义词。`);
  });
  actions.insertBefore(form, problem);
  input.focus();
}

async function decideTerm(row, problem, button, action, body, done) {
  hideProblem(problem);
  if (button) button.disabled = true;
  try {
    await call(`/api/admin/mining/terms/${action}`, { method: 'POST', body });
    removeAndAnnounce(row, done, 'terms');
  } catch (error) {
    if (!handled(error)) showProblem(problem, error);
  } finally {
    if (button?.isConnected) button.disabled = false;
  }
}

function removeAndAnnounce(element, text, kind) {
  const container = element.closest(kind === 'terms' ? 'tbody' : '.topic-cards');
  element.remove();
  state.announce(text);
  if (container && !container.children.length) {
    if (kind === 'terms') renderTerms([]);
    else renderTopics([]);
  }
}

// ---- topics -----------------------------------------------------------------------------------------------------

function renderTopics(topics) {
  const box = $('topics');
  if (!topics.length) {
    box.replaceChildren(h('p', { class: 'hint', 'data-empty': 'topics' }, '没有待审核的未答主题。'));
    return;
  }

  const max = Math.max(1, ...topics.map((t) => Math.max(t.count ?? 0, t.previousCount ?? 0)));
  box.replaceChildren(...topics.map((topic) => topicCard(topic, max)));
}

function topicCard(topic, max) {
  const headingId = `topic-${topic.id}`;
  const problem = h('div', { class: 'problem', role: 'alert', hidden: true });
  const slot = h('div', { class: 'attach-slot' });
  const card = h('article', { class: 'topic card', 'data-topic': topic.id, 'aria-labelledby': headingId },
    h('header', { class: 'topic-head' },
      h('h4', { id: headingId }, topic.label),
      topic.burst ? h('span', { class: 'badge burst', title: '大部分提问集中在同一天，可能是突发事件' }, '突发') : null),
    h('p', { class: 'topic-figures' },
      h('span', {}, `${topic.count ?? 0} 次提问`),
      h('span', {}, `趋势 ${formatRatio(topic.trend)}`),
      topic.trend > 1 ? h('span', { class: 'trend-up' }, '↑ 上升') : topic.trend < 1 ? h('span', { class: 'trend-down' }, '↓ 下降') : null),
    countBars(topic.count, topic.previousCount, max, `主题「${topic.label}」提问次数`),
    h('h5', {}, '示例问题'),
    h('ol', { class: 'examples' }, (topic.examples ?? []).map((example) => h('li', {}, example))),
    h('h5', {}, '最接近的已有条目'),
    (topic.closestEntries ?? []).length
      ? h('ul', { class: 'closest' }, topic.closestEntries.map((id) => h('li', {}, h('a', { href: `#/entries/${encodeURIComponent(id)}`, class: 'mono' }, id))))
      : h('p', { class: 'hint' }, '无'),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', onclick: () => state.createEntry(topic) }, '新建条目'),
      h('button', { type: 'button', onclick: () => attachForm(card, topic, slot, problem) }, '并入已有条目'),
      h('button', { type: 'button', onclick: (event) => dismissTopic(card, topic, problem, event.currentTarget) }, '忽略')),
    slot,
    problem);
  return card;
}

/** 并入已有条目: pick one of the closest entries, or search the base for another. */
function attachForm(card, topic, slot, problem) {
  if (slot.firstChild) return;
  const name = `attach-${topic.id}`;
  const choices = h('div', { class: 'choices', role: 'radiogroup', 'aria-label': '选择要并入的条目' });
  const addChoice = (id, title, checked) => {
    if (choices.querySelector(`input[value="${CSS.escape(id)}"]`)) return;
    const inputId = `${name}-${choices.children.length}`;
    choices.append(h('div', { class: 'choice' },
      h('input', { type: 'radio', name, id: inputId, value: id, checked }),
      h('label', { for: inputId }, h('span', { class: 'mono' }, id), title ? ` ${title}` : '')));
  };
  (topic.closestEntries ?? []).forEach((id, i) => addChoice(id, '', i === 0));

  const searchId = `${name}-q`;
  const query = h('input', { id: searchId, type: 'search', autocomplete: 'off', placeholder: '编号、标题或问法' });
  const results = h('p', { class: 'hint', 'aria-live': 'polite' });
  const searchButton = h('button', { type: 'button', class: 'small' }, '搜索条目');
  searchButton.addEventListener('click', async () => {
    const q = query.value.trim();
    if (!q) return;
    try {
      const found = await call(`/api/admin/entries?${new URLSearchParams({ q, page: '1', pageSize: '10' })}`);
      const items = found?.items ?? [];
      items.forEach((item) => addChoice(item.id, item.title, false));
      results.textContent = items.length ? `找到 ${items.length} 条，已加入上方选项。` : '没有找到匹配的条目。';
    } catch (error) {
      if (!handled(error)) showProblem(problem, error);
    }
  });

  const form = h('form', { class: 'attach-form', novalidate: true },
    h('p', { class: 'hint' }, '示例问题将作为所选条目的备选问法。'),
    choices,
    h('div', { class: 'field' }, h('label', { for: searchId }, '搜索其他条目'), h('div', { class: 'inline-search' }, query, searchButton)),
    results,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, '确认并入'),
      h('button', { type: 'button', onclick: () => slot.replaceChildren() }, '取消')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideProblem(problem);
    const entryId = form.querySelector(`input[name="${CSS.escape(name)}"]:checked`)?.value;
    if (!entryId) {
      showProblem(problem, { title: '请选择要并入的条目' });
      return;
    }

    const button = event.submitter;
    if (button) button.disabled = true;
    try {
      const entry = await call(path`/api/admin/mining/topics/${topic.id}/attach`, { method: 'POST', body: { entryId } });
      removeAndAnnounce(card, `主题「${topic.label}」的示例问题已并入条目 ${entry?.id ?? entryId}。`, 'topics');
    } catch (error) {
      if (!handled(error)) showProblem(problem, error);
    } finally {
      if (button?.isConnected) button.disabled = false;
    }
  });
  slot.replaceChildren(form);
  form.querySelector('input')?.focus();
}

async function dismissTopic(card, topic, problem, button) {
  hideProblem(problem);
  button.disabled = true;
  try {
    await call(path`/api/admin/mining/topics/${topic.id}/dismiss`, { method: 'POST' });
    removeAndAnnounce(card, `已忽略主题「${topic.label}」。`, 'topics');
  } catch (error) {
    if (!handled(error)) showProblem(problem, error);
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}
