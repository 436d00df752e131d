// 服务质量: how residents' questions were handled day by day (answered / clarified / abstained, and the handoff rate),
// the period's totals, and the entries most often followed by a rephrase or a request for a human.

import { h, s, showProblem } from '../console/dom.js';
import { QUALITY_SERIES, dailyQualityChart } from './charts.js';
import { call, handled } from './client.js';
import { formatCount, formatRate } from './labels.js';

const $ = (id) => document.getElementById(id);

let days = 30;
let loaded = false;

export function initQuality() {
  document.querySelector('#quality-panel .period').addEventListener('click', (event) => {
    const button = event.target.closest('[data-days]');
    if (!button) return;
    for (const other of document.querySelectorAll('#quality-panel [data-days]')) other.setAttribute('aria-pressed', String(other === button));
    days = Number(button.dataset.days);
    loadQuality();
  });
}

export function showQuality() {
  if (!loaded) loadQuality();
}

async function loadQuality() {
  const body = $('quality-body');
  body.replaceChildren(h('p', { class: 'hint' }, '正在加载…'));
  try {
    const quality = await call(`/api/admin/quality?days=${days}`);
    loaded = true;
    body.replaceChildren(render(quality));
  } catch (error) {
    if (handled(error)) return;
    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, error);
    body.replaceChildren(box);
  }
}

function render(quality) {
  const totals = quality?.totals ?? {};
  const daily = quality?.days ?? [];
  const fragment = document.createDocumentFragment();
  fragment.append(
    h('p', { class: 'scope' }, `统计区间：${quality?.from ?? '—'} 至 ${quality?.to ?? '—'}（北京时间）`),
    h('div', { class: 'cards totals' },
      figure('提问总数', formatCount(totals.questions), 'questions'),
      figure('直接回答率', formatRate(totals.answerRate), 'answerRate'),
      figure('追问澄清率', formatRate(totals.clarifyRate), 'clarifyRate'),
      figure('未能回答率', formatRate(totals.abstainRate), 'abstainRate'),
      figure('转人工率', formatRate(totals.handoffRate), 'handoffRate'),
      figure('换个说法再问率', formatRate(totals.rephraseRate), 'rephraseRate')),
    h('section', { class: 'chart', 'aria-labelledby': 'quality-chart-heading' },
      h('h3', { id: 'quality-chart-heading' }, '每日问题处理情况'),
      daily.length ? dailyQualityChart(daily) : h('p', { class: 'hint' }, '该时段没有记录到提问。'),
      h('p', { class: 'legend' }, QUALITY_SERIES.map(([key, name]) => h('span', {}, swatch(key), name)))),
    worstEntries(quality?.worstEntries ?? []));
  return fragment;
}

function figure(label, value, key) {
  return h('div', { class: 'figure', 'data-total': key }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
}

function swatch(key) {
  return s('svg', { class: `swatch-svg ${key}`, viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true' },
    key === 'handoff' ? s('line', { class: 'line-handoff', x1: 0, y1: 7, x2: 14, y2: 7 }) : s('rect', { class: `bar-${key}`, x: 1, y: 1, width: 12, height: 12 }));
}

function worstEntries(items) {
  const section = h('section', { 'aria-labelledby': 'worst-heading' }, h('h3', { id: 'worst-heading' }, '效果最差的条目'),
    h('p', { class: 'hint' }, '居民看到这些条目的答案后，常常换个说法再问或要求转人工。'));
  if (!items.length) {
    section.append(h('p', { class: 'hint' }, '该时段没有需要关注的条目。'));
    return section;
  }

  section.append(h('div', { class: 'table-wrap' }, h('table', { class: 'worst-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '条目'), h('th', { scope: 'col' }, '回答次数'), h('th', { scope: 'col' }, '换说法再问'),
      h('th', { scope: 'col' }, '转人工'), h('th', { scope: 'col' }, '不满意率'))),
    h('tbody', {}, items.map((item) => h('tr', { 'data-entry': item.entryId },
      h('td', {}, h('a', { href: `#/entries/${encodeURIComponent(item.entryId)}` }, item.title || item.entryId), ' ', h('span', { class: 'mono hint' }, item.entryId)),
      h('td', { class: 'num' }, formatCount(item.answered)),
      h('td', { class: 'num' }, formatCount(item.rephrased)),
      h('td', { class: 'num' }, formatCount(item.handoffs)),
      h('td', { class: 'num' }, formatRate(item.badRate))))))));
  return section;
}
