// Chinese names for the admin API's codes, and number and time formats (Beijing time, whatever the device's zone).

export const STATUS = { published: '已发布', draft: '草稿', retired: '已下线' };

export const ACTION = {
  created: '创建',
  edited: '编辑',
  published: '发布',
  retired: '下线',
  imported: '导入',
  'topic-accepted': '由主题创建',
  'questions-added': '并入问法',
};

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export function formatDateTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

/** A 0–1 share as a percentage with one decimal, e.g. 0.125 → 12.5%. */
export function formatRate(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—';
}

export function formatCount(value) {
  return typeof value === 'number' ? String(value) : '—';
}

/** A rise or trend ratio, e.g. 3.5 → ×3.5. */
export function formatRatio(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `×${Number(value.toFixed(2))}` : '—';
}
