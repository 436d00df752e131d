// Small inline SVG charts. Every chart is an image with a text summary (aria-label), every bar and point carries a
// <title>, and the numbers are also written as text beside the bars, so nothing is said by colour or length alone.

import { s } from '../console/dom.js';
import { formatRate } from './labels.js';

/**
 * Two horizontal bars, this window against the previous one, scaled to `max` so that rows of a table compare.
 * `what` names the thing counted, for the summary (e.g. 「医保」出现次数).
 */
export function countBars(current, previous, max, what) {
  const width = 220;
  const barWidth = 150;
  const scale = (value) => (Math.max(0, value ?? 0) / Math.max(1, max)) * barWidth;
  const svg = s('svg', {
    class: 'count-bars',
    viewBox: `0 0 ${width} 36`,
    width,
    height: 36,
    role: 'img',
    'aria-label': `${what}：本期 ${current ?? 0}，上期 ${previous ?? 0}`,
  });
  [['current', '本期', current, 2], ['previous', '上期', previous, 20]].forEach(([key, name, value, y]) => {
    svg.append(
      s('text', { x: 0, y: y + 11 }, name),
      s('rect', { class: `bar-${key}`, x: 30, y, width: Math.max(1, scale(value)), height: 14 }, s('title', {}, `${name} ${value ?? 0}`)),
      s('text', { x: 34 + scale(value), y: y + 11 }, String(value ?? 0)));
  });
  return svg;
}

const SERIES = [
  ['answered', '直接回答'],
  ['clarified', '追问澄清'],
  ['abstained', '未能回答'],
];

/**
 * Daily questions as stacked bars (answered, clarified, abstained) with the handoff rate as a line on a
 * percentage axis at the right. `days` is the quality API's list: {date, questions, answered, clarified, abstained, handoffs}.
 */
export function dailyQualityChart(days) {
  const slot = 22;
  const top = 16;
  const plotHeight = 160;
  const bottom = 24;
  const left = 34;
  const right = 40;
  const width = left + Math.max(1, days.length) * slot + right;
  const height = top + plotHeight + bottom;
  const total = (day) => SERIES.reduce((sum, [key]) => sum + (day[key] ?? 0), 0);
  const max = Math.max(1, ...days.map(total));
  const y = (value) => top + plotHeight - (value / max) * plotHeight;
  const rateY = (rate) => top + plotHeight - Math.min(1, Math.max(0, rate)) * plotHeight;
  const rates = days.map((day) => (day.questions ? (day.handoffs ?? 0) / day.questions : 0));
  const peak = Math.max(0, ...rates);
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const svg = s('svg', {
    class: 'quality-chart',
    viewBox: `0 0 ${width} ${height}`,
    width: Math.min(width * 2, 1200),
    role: 'img',
    'aria-label': `每日问题处理情况，共 ${days.length} 天，单日最多 ${max} 个问题，转人工率最高 ${formatRate(peak)}`,
  });
  const baseline = top + plotHeight;
  svg.append(
    s('line', { class: 'axis', x1: left, y1: baseline, x2: width - right, y2: baseline }),
    s('text', { class: 'axis-label', x: left - 4, y: top + 4, 'text-anchor': 'end' }, String(max)),
    s('text', { class: 'axis-label', x: left - 4, y: baseline, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'axis-label', x: width - right + 4, y: top + 4 }, '100%'),
    s('text', { class: 'axis-label', x: width - right + 4, y: baseline }, '0%'));

  days.forEach((day, i) => {
    const x = left + i * slot + 3;
    let stacked = 0;
    for (const [key, name] of SERIES) {
      const value = day[key] ?? 0;
      if (value > 0) {
        svg.append(s('rect', { class: `bar-${key}`, x, y: y(stacked + value), width: slot - 6, height: y(stacked) - y(stacked + value) },
          s('title', {}, `${day.date} ${name} ${value}`)));
      }

      stacked += value;
    }

    if (i % labelEvery === 0) {
      svg.append(s('text', { class: 'axis-label', x: x + (slot - 6) / 2, y: height - 8, 'text-anchor': 'middle' }, String(day.date ?? '').slice(5)));
    }
  });

  if (days.length) {
    const points = rates.map((rate, i) => `${left + i * slot + slot / 2},${rateY(rate)}`).join(' ');
    svg.append(s('polyline', { class: 'line-handoff', points, fill: 'none' }));
    rates.forEach((rate, i) => svg.append(s('circle', { class: 'point-handoff', cx: left + i * slot + slot / 2, cy: rateY(rate), r: 2.5 },
      s('title', {}, `${days[i].date} 转人工率 ${formatRate(rate)}`))));
  }

  return svg;
}

/** The legend for {@link dailyQualityChart}: swatches with their names, the line drawn as a line. */
export const QUALITY_SERIES = [...SERIES, ['handoff', '转人工率（折线）']];
