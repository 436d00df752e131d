// 数据看板: GET /api/reports/summary for the caller's scope. The reports endpoint ships separately; until it is
// there (404) the panel says so instead of failing.

import { request } from './api.js';
import { h, s, showProblem } from './dom.js';
import { LEVEL, formatDateTime, formatHours, formatMinutes, formatRate } from './labels.js';

/**
 * Loads and draws the summary into `body`. `query` is {period: 'today'|'month'|'range', from?, to?};
 * `openTicket(number)` shows a supervised ticket in the queue's detail pane.
 */
export async function loadDashboard(body, query, openTicket) {
  const params = new URLSearchParams({ period: query.period });
  if (query.period === 'range') {
    params.set('from', query.from);
    params.set('to', query.to);
  }

  body.replaceChildren(h('p', { class: 'hint' }, '正在加载统计数据…'));
  try {
    const summary = await request(`/api/reports/summary?${params}`);
    body.replaceChildren(render(summary, openTicket));
  } catch (error) {
    if (error.status === 404) {
      body.replaceChildren(h('p', { class: 'notice', 'data-state': 'unavailable' }, '数据看板暂未开放：统计服务尚未上线，请稍后再试。'));
      return;
    }

    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, error);
    body.replaceChildren(box);
  }
}

function render(summary, openTicket) {
  const scope = summary.scope ?? {};
  const period = summary.period ?? {};
  const escalations = summary.escalations ?? {};
  const satisfaction = summary.satisfaction ?? {};
  const fragment = document.createDocumentFragment();
  fragment.append(
    h('p', { class: 'scope' }, `统计范围：${scope.name ?? '—'}（${LEVEL[scope.level] ?? ''}） ${period.from ?? ''} 至 ${period.to ?? ''}`),
    h('div', { class: 'cards' },
      figure('在办工单', count(summary.openTickets)),
      figure('新增工单', count(summary.submitted)),
      figure('办结工单', count(summary.closed)),
      figure('办结率', formatRate(summary.closureRate)),
      figure('按时办结率', formatRate(summary.onTimeRate)),
      figure('平均受理时长', formatMinutes(summary.averageAcceptMinutes)),
      figure('平均办结时长', formatHours(summary.averageResolveHours)),
      figure('满意率', formatRate(satisfaction.rate),
        `满意 ${count(satisfaction.satisfied)} · 基本满意 ${count(satisfaction.fairlySatisfied)} · 不满意 ${count(satisfaction.dissatisfied)}`),
      figure('各级升级次数', count((escalations.community ?? 0) + (escalations.street ?? 0) + (escalations.district ?? 0)),
        `社区 ${count(escalations.community)} · 街道 ${count(escalations.street)} · 区 ${count(escalations.district)}`),
      figure('督办中', count(summary.supervisedOpen)),
    ),
    h('section', { class: 'chart', 'aria-label': '每日工单' },
      h('h3', {}, '每日新增与办结'),
      chart(summary.daily ?? []),
      h('p', { class: 'legend' },
        h('span', {}, h('span', { class: 'swatch submitted' }), '新增'),
        h('span', {}, h('span', { class: 'swatch closed' }), '办结')),
    ),
    supervisedList(summary.supervised ?? [], openTicket),
  );
  return fragment;
}

function figure(label, value, sub) {
  return h('div', { class: 'figure' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value), sub ? h('span', { class: 'sub' }, sub) : null);
}

function count(value) {
  return value === null || value === undefined ? '—' : String(value);
}

/** Paired bars per day (新增 blue, 办结 green), drawn in a viewBox that grows with the number of days. */
function chart(daily) {
  if (!daily.length) return h('p', { class: 'hint' }, '该时段没有数据。');
  const slot = 28;
  const plotHeight = 140;
  const top = 14;
  const bottom = 22;
  const left = 28;
  const width = left + daily.length * slot + 8;
  const height = top + plotHeight + bottom;
  const max = Math.max(1, ...daily.map((d) => Math.max(d.submitted ?? 0, d.closed ?? 0)));
  const y = (value) => top + plotHeight - (value / max) * plotHeight;
  // Label every day when they fit, else about ten labels.
  const labelEvery = Math.max(1, Math.ceil(daily.length / 10));
  // Drawn at twice the viewBox size at most: a week's bars would otherwise be stretched across a desk screen.
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: width * 2,
    height: height * 2,
    role: 'img',
    'aria-label': `每日新增与办结，共 ${daily.length} 天，单日最多 ${max} 件`,
  });
  svg.append(
    s('line', { class: 'axis', x1: left, y1: top + plotHeight, x2: width, y2: top + plotHeight }),
    s('text', { x: left - 4, y: top + 4, 'text-anchor': 'end' }, String(max)),
    s('text', { x: left - 4, y: top + plotHeight, 'text-anchor': 'end' }, '0'),
  );
  daily.forEach((day, i) => {
    const x = left + i * slot + 4;
    for (const [key, offset, name] of [['submitted', 0, '新增'], ['closed', 10, '办结']]) {
      const value = day[key] ?? 0;
      svg.append(s('rect', { class: `bar-${key}`, x: x + offset, y: y(value), width: 9, height: Math.max(0, top + plotHeight - y(value)) },
        s('title', {}, `${day.date} ${name} ${value} 件`)));
    }

    if (i % labelEvery === 0) {
      svg.append(s('text', { x: x + 9, y: height - 6, 'text-anchor': 'middle' }, String(day.date ?? '').slice(5)));
    }
  });
  return svg;
}

function supervisedList(items, openTicket) {
  const section = h('section', { 'aria-label': '督办工单' }, h('h3', {}, `督办工单（${items.length}）`));
  if (!items.length) {
    section.append(h('p', { class: 'hint' }, '当前没有督办工单。'));
    return section;
  }

  section.append(h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '工单号'), h('th', { scope: 'col' }, '类别'), h('th', { scope: 'col' }, '级别'), h('th', { scope: 'col' }, '办理单位'), h('th', { scope: 'col' }, '督办起始'))),
    h('tbody', {}, items.map((item) => h('tr', {},
      h('td', {}, h('button', { type: 'button', onclick: () => openTicket(item.number) }, item.number)),
      h('td', {}, categoryName(item.category)),
      h('td', {}, LEVEL[item.level] ?? item.level ?? '—'),
      h('td', {}, holderName(item.holder)),
      h('td', {}, formatDateTime(item.since)),
    ))),
  )));
  return section;
}

// The reports API may name these as plain text or as small objects; either reads well.
function categoryName(category) {
  return typeof category === 'string' ? category : category?.name ?? '—';
}

function holderName(holder) {
  return typeof holder === 'string' ? holder : holder?.nodeName ?? holder?.name ?? '—';
}
