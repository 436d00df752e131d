// Chinese names for the API's codes, and the time formats the console shows (Beijing time, whatever the device's zone).

export const STATUS = {
  submitted: '待分派',
  assigned: '已分派',
  accepted: '已受理',
  inProgress: '办理中',
  resolved: '已办结',
  closed: '已结案',
};

export const LEVEL = { grid: '网格', community: '社区', street: '街道', district: '区' };

export const URGENCY = { red: '红', yellow: '黄', blue: '蓝' };

export const ROLE = { gridWorker: '网格员', community: '社区', street: '街道', district: '区平台', admin: '管理员' };

export const EVENT = {
  submitted: '提交',
  assigned: '分派',
  accepted: '受理',
  started: '开始办理',
  noteAdded: '备注',
  replySent: '回复居民',
  dispatched: '派发部门',
  resolved: '办结',
  rated: '评价',
  reopened: '重新办理',
  secondWhistle: '二次哨',
  escalated: '升级',
  warned: '预警',
  urged: '催办',
  reported: '通报',
  supervised: '督办',
  autoClosed: '自动结案',
};

/** Events that move a ticket onto a new holder's desk: the page highlights them. */
export const ARRIVALS = new Set(['submitted', 'assigned', 'escalated', 'secondWhistle', 'supervised']);

/** Events drawn in red on the timeline. */
export const ALARMS = new Set(['escalated', 'secondWhistle', 'warned', 'urged', 'reported', 'supervised']);

export const RATING = { satisfied: '满意', fairlySatisfied: '基本满意', dissatisfied: '不满意' };

export const DEADLINE_KIND = { accept: '受理时限', resolve: '办结时限', autoClose: '自动结案' };

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const shortDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export function formatDateTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatShortDateTime(iso) {
  return iso ? shortDateTime.format(new Date(iso)) : '—';
}

/** Today's date in Beijing as yyyy-MM-dd (the date inputs and the reports API speak this). */
export function beijingDate(now = new Date()) {
  // en-CA formats as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** "剩余 2小时13分" or "已超时 35分12秒" for the time left until a deadline (negative: past it). */
export function formatRemaining(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  let text;
  if (days > 0) text = `${days}天${hours}小时`;
  else if (hours > 0) text = `${hours}小时${minutes}分`;
  // Under an hour the seconds show, so a worker sees the clock run.
  else text = `${minutes}分${String(seconds).padStart(2, '0')}秒`;
  return ms < 0 ? `已超时 ${text}` : `剩余 ${text}`;
}

/** A duration in minutes as 分钟 or 小时, one decimal. */
export function formatMinutes(minutes) {
  if (minutes === null || minutes === undefined) return '—';
  return minutes < 60 ? `${round1(minutes)}分钟` : `${round1(minutes / 60)}小时`;
}

export function formatHours(hours) {
  if (hours === null || hours === undefined) return '—';
  return hours < 1 ? `${round1(hours * 60)}分钟` : `${round1(hours)}小时`;
}

export function formatRate(rate) {
  return rate === null || rate === undefined ? '—' : `${round1(rate * 100)}%`;
}

function round1(value) {
  return Math.round(value * 10) / 10;
}
