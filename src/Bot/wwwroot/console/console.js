// The grid workers' console: sign-in, the queue (我的待办 / 辖区全部 / 已办结), a ticket's detail with its actions and
// history, live updates, and the dashboard. Plain DOM, no framework; everything goes through the public API.

import { ProblemError, clearSession, loadSession, request, saveSession, serverClockOffset, setUnauthorizedHandler } from './api.js';
import { loadDashboard } from './dashboard.js';
import { h, hideProblem, showProblem } from './dom.js';
import {
  ALARMS, ARRIVALS, DEADLINE_KIND, EVENT, LEVEL, RATING, ROLE, STATUS, URGENCY,
  beijingDate, formatDateTime, formatRemaining, formatShortDateTime,
} from './labels.js';
import { connectLive } from './live.js';
import { resetSignInForm, signInHandler } from './sign-in.js';

const PAGE_SIZE = 100;
const POLL_MS = 30_000; // the live stream is a hint; the queue is reloaded this often regardless
const FRESH_MS = 60_000; // how long a new arrival stays highlighted
const SOON_MS = 60 * 60_000; // deadlines closer than this show in amber

const TABS = {
  mine: { query: 'status=open&mine=true', sort: 'heldSince', empty: '暂无待办工单' },
  all: { query: 'status=open', sort: 'heldSince', empty: '辖区内暂无在办工单' },
  done: { query: 'status=resolved,closed', sort: 'lastChangedAt', empty: '暂无已办结工单' },
};

const $ = (id) => document.getElementById(id);

const state = {
  session: null,
  tab: 'mine',
  tickets: [],
  hasMore: false,
  queueRequest: 0,
  selected: null,
  detail: null,
  formOpen: false,
  detailStale: false,
  parents: new Map(),
  departments: new Map(),
  fresh: new Map(), // number → time it stops being highlighted
  live: null,
  timers: [],
  reloadPending: null,
  dashboardQuery: { period: 'today' },
};

// ---- views and session --------------------------------------------------------------------------------------

function showView(name) {
  for (const view of ['sign-in', 'password', 'work']) $(`${view}-view`).hidden = view !== name;
  $('who').hidden = name === 'sign-in';
}

function showSignIn(notice) {
  showView('sign-in');
  resetSignInForm(notice);
}

function signOut(notice) {
  state.live?.stop();
  state.live = null;
  state.timers.forEach(clearInterval);
  state.timers = [];
  clearSession();
  Object.assign(state, { session: null, tickets: [], selected: null, detail: null, formOpen: false, tab: 'mine' });
  state.fresh.clear();
  $('queue-list').replaceChildren();
  $('detail').replaceChildren();
  $('detail').hidden = true;
  showSignIn(notice);
}

function onSession(session) {
  saveSession(session);
  state.session = session;
  if (session.user.mustChangePassword) showPasswordView(true);
  else startWork();
}

function showPasswordView(firstSignIn) {
  showView('password');
  renderWho();
  $('password-hint').hidden = !firstSignIn;
  hideProblem($('password-error'));
  for (const id of ['password-current', 'password-new', 'password-confirm']) $(id).value = '';
  $('password-current').focus();
}

async function onChangePassword(event) {
  event.preventDefault();
  const box = $('password-error');
  hideProblem(box);
  const currentPassword = $('password-current').value;
  const newPassword = $('password-new').value;
  if (!currentPassword || !newPassword) {
    showProblem(box, { title: '请填写当前密码和新密码' });
    return;
  }

  if (newPassword !== $('password-confirm').value) {
    showProblem(box, { title: '两次输入的新密码不一致', detail: '请重新输入确认密码。' });
    return;
  }

  try {
    await request('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
    state.session.user.mustChangePassword = false;
    saveSession(state.session);
    startWork();
    announce('密码已修改。');
  } catch (error) {
    showProblem(box, error);
  }
}

function renderWho() {
  const user = state.session?.user;
  $('who-name').textContent = user ? `${user.name}（${user.nodeName} · ${ROLE[user.role] ?? user.role}）` : '';
}

/** Shows the work view; the first call also starts the live stream, the poll and the countdown clock. */
function startWork() {
  showView('work');
  renderWho();
  if (state.live) {
    selectTab(state.tab);
    return;
  }

  loadOrg();
  selectTab(state.tab);
  startLive();
  state.timers.push(setInterval(tick, 1000));
  state.timers.push(setInterval(() => {
    if (state.tab !== 'dashboard') reloadQueue();
  }, POLL_MS));
}

/** The org tree's parent links, to tell whether the caller's unit contains a ticket's holder (may act on it). */
async function loadOrg() {
  try {
    const root = await request('/api/org');
    const walk = (node, parent) => {
      state.parents.set(node.id, parent);
      for (const child of node.children ?? []) walk(child, node.id);
    };
    walk(root, null);
    if (state.detail) renderDetail(state.detail);
  } catch {
    // Without the tree only the caller's own unit counts as theirs; the API still decides on every action.
  }
}

function isWithin(nodeId, ancestorId) {
  for (let node = nodeId; node; node = state.parents.get(node)) {
    if (node === ancestorId) return true;
  }

  return false;
}

function canWork(ticket) {
  const user = state.session.user;
  return user.role !== 'admin' && !!ticket.holder && isWithin(ticket.holder.nodeId, user.nodeId);
}

// ---- live updates ------------------------------------------------------------------------------------------

function startLive() {
  setLiveStatus('connecting', '正在连接实时更新…');
  state.live = connectLive({
    token: state.session.token,
    onOpen() {
      setLiveStatus('open', '实时更新已连接');
      // Anything that changed while the stream was down is only in the store: catch up now.
      if (state.tab !== 'dashboard') reloadQueue();
    },
    onChange,
    onRetry(delay) {
      setLiveStatus('retrying', `实时更新已断开，${Math.ceil(delay / 1000)} 秒后重连…`);
    },
    onUnauthorized() {
      signOut('登录已过期，请重新登录。');
    },
  });
}

function setLiveStatus(state_, text) {
  const line = $('live-status');
  line.dataset.state = state_;
  line.textContent = text;
}

function onChange(change) {
  const user = state.session.user;
  if (ARRIVALS.has(change.event)) {
    state.fresh.set(change.number, Date.now() + FRESH_MS);
    if (change.holderNodeId === user.nodeId) {
      announce(`新的待办工单：${change.number}（${EVENT[change.event] ?? change.event}，${LEVEL[change.level] ?? ''}级办理）`);
    }
  }

  scheduleReload();
  if (change.number === state.selected && (!state.detail || state.detail.version < change.version)) {
    // Typing in an open action form must survive a refresh: redraw only once it is closed.
    if (state.formOpen) {
      state.detailStale = true;
      const hint = document.getElementById('stale-hint');
      if (hint) hint.hidden = false;
    } else {
      openTicket(change.number, { focus: false });
    }
  }
}

/** Several changes in a burst (a sweep escalating many tickets) cost one reload. */
function scheduleReload() {
  if (state.tab === 'dashboard' || state.reloadPending) return;
  state.reloadPending = setTimeout(() => {
    state.reloadPending = null;
    reloadQueue();
  }, 200);
}

function announce(text) {
  const line = $('announce');
  line.textContent = text;
  line.hidden = false;
}

// ---- tabs and queue -----------------------------------------------------------------------------------------

function selectTab(tab) {
  state.tab = tab;
  for (const button of document.querySelectorAll('[role="tab"]')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  }

  const dashboard = tab === 'dashboard';
  $('queue-panel').hidden = dashboard;
  $('dashboard-panel').hidden = !dashboard;
  if (dashboard) {
    refreshDashboard();
  } else {
    $('queue-panel').setAttribute('aria-labelledby', `tab-${tab}`);
    reloadQueue();
  }
}

async function reloadQueue({ append = false } = {}) {
  const tab = TABS[state.tab];
  if (!tab) return;
  const requestId = ++state.queueRequest;
  const offset = append ? state.tickets.length : 0;
  // A reload keeps as many rows as are shown, so 加载更多 is not undone by the next live update.
  const limit = append ? PAGE_SIZE : Math.max(PAGE_SIZE, Math.min(200, state.tickets.length));
  try {
    const page = await request(`/api/tickets?${tab.query}&limit=${limit}&offset=${offset}`);
    if (requestId !== state.queueRequest) return; // a newer reload (or tab) won
    state.tickets = append ? [...state.tickets, ...page.items] : page.items;
    state.hasMore = page.hasMore;
    hideProblem($('queue-error'));
    renderQueue();
  } catch (error) {
    if (requestId !== state.queueRequest || error.status === 401) return;
    showProblem($('queue-error'), error);
  }
}

function renderQueue() {
  const tab = TABS[state.tab];
  const key = tab.sort;
  const tickets = [...state.tickets].sort((a, b) => Date.parse(b[key]) - Date.parse(a[key]));
  const focused = document.activeElement?.closest?.('li[data-number]')?.dataset.number;
  const now = Date.now();
  for (const [number, until] of state.fresh) if (until < now) state.fresh.delete(number);

  $('queue-list').replaceChildren(...tickets.map(row));
  $('queue-empty').textContent = tab.empty;
  $('queue-empty').hidden = tickets.length > 0;
  $('queue-more').hidden = !state.hasMore;
  tick();
  // Redrawing replaced the focused row's button; give focus back to its successor.
  if (focused) document.querySelector(`li[data-number="${CSS.escape(focused)}"] button`)?.focus();
}

function row(ticket) {
  const location = [ticket.location?.gridName, ticket.location?.address].filter(Boolean).join(' · ');
  return h('li', { 'data-number': ticket.number, 'data-status': ticket.status, class: state.fresh.has(ticket.number) ? 'fresh' : null },
    h('button', {
      type: 'button',
      class: `row urgency-${ticket.urgency}`,
      'aria-current': ticket.number === state.selected ? 'true' : null,
      onclick: () => openTicket(ticket.number),
    },
    h('span', { class: 'row-top' },
      h('span', { class: 'row-number' }, ticket.number),
      h('span', { class: `urgency ${ticket.urgency}`, title: '紧急程度' }, URGENCY[ticket.urgency] ?? ticket.urgency),
      h('span', { class: `badge status status-${ticket.status}` }, STATUS[ticket.status] ?? ticket.status),
      ticket.level ? h('span', { class: 'badge level' }, `${LEVEL[ticket.level]}级`) : null,
      ticket.supervised ? h('span', { class: 'badge supervised' }, '督办') : null,
      state.fresh.has(ticket.number) ? h('span', { class: 'badge fresh-badge' }, '新') : null),
    h('span', { class: 'row-category' }, ticket.category?.name ?? ''),
    h('span', { class: 'row-where' }, location),
    h('span', { class: 'row-bottom' }, countdown(ticket))));
}

function countdown(ticket) {
  if (!ticket.deadline) return null;
  return h('span', { class: 'countdown', 'data-deadline': ticket.deadline, 'data-kind': ticket.deadlineKind ?? '' });
}

/** Once a second: every countdown on the page, against the server's clock. */
function tick() {
  const now = Date.now() + serverClockOffset;
  for (const element of document.querySelectorAll('.countdown[data-deadline]')) {
    const left = Date.parse(element.dataset.deadline) - now;
    const kind = DEADLINE_KIND[element.dataset.kind];
    const text = formatRemaining(left);
    // An auto-close deadline passing is not the worker's lateness; only the work deadlines turn red.
    const late = left < 0 && element.dataset.kind !== 'autoClose';
    element.classList.toggle('overdue', late);
    element.classList.toggle('soon', left >= 0 && left < SOON_MS && element.dataset.kind !== 'autoClose');
    if (element.dataset.text !== text) {
      element.dataset.text = text;
      element.replaceChildren(kind ? h('span', { class: 'kind' }, kind) : '', text);
    }
  }
}

// ---- detail ---------------------------------------------------------------------------------------------------

async function openTicket(number, { focus = true } = {}) {
  if (state.tab === 'dashboard') selectTab('all');
  state.selected = number;
  state.detailStale = false;
  for (const button of document.querySelectorAll('#queue-list .row')) {
    if (button.closest('li').dataset.number === number) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }

  const detail = $('detail');
  try {
    const ticket = await request(`/api/tickets/${encodeURIComponent(number)}`);
    if (state.selected !== number) return;
    state.detail = ticket;
    state.fresh.delete(number);
    document.querySelector(`li[data-number="${CSS.escape(number)}"]`)?.classList.remove('fresh');
    renderDetail(ticket);
  } catch (error) {
    if (error.status === 401) return;
    state.detail = null;
    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, error);
    detail.replaceChildren(backButton(), box);
    detail.hidden = false;
  }

  $('queue-panel').classList.add('showing-detail');
  if (focus) detail.querySelector('h2')?.focus();
}

function backButton() {
  return h('button', {
    type: 'button',
    class: 'back-button',
    onclick: () => {
      $('queue-panel').classList.remove('showing-detail');
      document.querySelector(`li[data-number="${CSS.escape(state.selected ?? '')}"] button`)?.focus();
    },
  }, '← 返回列表');
}

function renderDetail(ticket) {
  state.formOpen = false;
  const detail = $('detail');
  const location = ticket.location ?? {};
  const holder = ticket.holder;
  detail.replaceChildren(
    backButton(),
    h('div', { class: 'detail-head' },
      h('h2', { tabindex: '-1' }, `工单 ${ticket.number}`),
      h('div', { class: 'row-top' },
        h('span', { class: `urgency ${ticket.urgency}` }, `${URGENCY[ticket.urgency] ?? ticket.urgency}色`),
        h('span', { class: `badge status status-${ticket.status}`, 'data-field': 'status' }, STATUS[ticket.status] ?? ticket.status),
        ticket.level ? h('span', { class: 'badge level' }, `${LEVEL[ticket.level]}级`) : null,
        ticket.supervised ? h('span', { class: 'badge supervised' }, '督办') : null),
      countdown(ticket)),
    h('p', { id: 'stale-hint', class: 'notice', hidden: true }, '此工单已有新的变化，提交或取消当前操作后将刷新。'),
    h('dl', { class: 'facts' },
      fact('类别', [ticket.category?.groupName, ticket.category?.name].filter(Boolean).join(' · ')),
      fact('描述', h('p', { class: 'description' }, ticket.description ?? '')),
      fact('网格', [location.communityName, location.gridName].filter(Boolean).join(' ') || '—'),
      fact('地址', location.address || '—'),
      fact('反映人电话', ticket.reporter?.phone || '未留'),
      fact('当前办理', holder ? `${holder.nodeName}（${LEVEL[holder.level]}级）${holder.people?.length ? ` · ${holder.people.join('、')}` : ''}` : '—'),
      fact('提交时间', formatDateTime(ticket.submittedAt)),
      fact('到达本级', formatDateTime(ticket.heldSince)),
      ticket.resolvedAt ? fact('办结时间', formatDateTime(ticket.resolvedAt)) : null,
      ticket.closedAt ? fact('结案时间', formatDateTime(ticket.closedAt)) : null,
      fact('附件', attachments(ticket.attachments ?? []))),
    actionsSection(ticket),
    h('section', { 'aria-label': '办理记录' },
      h('h3', {}, '办理记录'),
      h('ol', { class: 'timeline' }, (ticket.events ?? []).map(timelineEntry))),
  );
  detail.hidden = false;
  tick();
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function attachments(links) {
  if (!links.length) return '无';
  return h('span', {}, links.map((link, i) => {
    // The API accepts http(s) links only; anything else is shown as text, never as a link.
    const safe = /^https?:\/\//i.test(link);
    return [i ? '、' : '', safe ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, `附件${i + 1}`) : link];
  }));
}

function timelineEntry(event) {
  const levels = event.fromLevel && event.toLevel ? `${LEVEL[event.fromLevel]} → ${LEVEL[event.toLevel]}` : null;
  const details = [];
  if (event.data?.department) details.push(`部门：${departmentName(event.data.department)}`);
  if (event.data?.rating) details.push(`评价：${RATING[event.data.rating] ?? event.data.rating}`);
  return h('li', { class: ALARMS.has(event.type) ? 'alarm' : null, 'data-event': event.type },
    h('div', {},
      h('span', { class: 'what' }, EVENT[event.type] ?? event.type), ' ',
      h('span', { class: 'when' }, `${formatShortDateTime(event.at)} · ${event.actorName}`),
      levels ? h('span', { class: 'when' }, ` · ${levels}`) : null),
    details.length ? h('div', { class: 'when' }, details.join('，')) : null,
    event.note ? h('p', { class: 'note' }, event.note) : null);
}

function departmentName(id) {
  for (const list of state.departments.values()) {
    const found = list.find((d) => d.id === id);
    if (found) return found.name;
  }

  return id;
}

// ---- actions --------------------------------------------------------------------------------------------------

const ACTIONS = {
  accept: { label: '受理', path: 'accept', done: '已受理' },
  start: { label: '开始办理', path: 'start', done: '已开始办理' },
  reply: { label: '回复居民', path: 'replies', field: '回复内容', submit: '发送回复', required: '请填写回复内容。', done: '回复已发送' },
  note: { label: '添加备注', path: 'notes', field: '备注内容', submit: '保存备注', required: '请填写备注内容。', done: '备注已添加' },
  dispatch: { label: '派发部门', path: 'dispatch', field: '派发说明（选填）', submit: '确认派发', done: '已派发' },
  resolve: { label: '办结', path: 'resolve', field: '处理结果（必填）', submit: '确认办结', required: '办结必须填写处理结果。', done: '已办结' },
  reopen: { label: '重新办理', path: 'reopen', field: '重新办理原因（必填）', submit: '确认重新办理', required: '重新办理必须填写原因。', done: '已重新办理' },
};

/** What the holder may do now; mirrors the ticket's state machine (the API refuses anything else with 409). */
function allowedActions(ticket) {
  const open = ['assigned', 'accepted', 'inProgress'].includes(ticket.status);
  const working = ['accepted', 'inProgress'].includes(ticket.status);
  const highLevel = ticket.level === 'street' || ticket.level === 'district';
  return [
    ticket.status === 'assigned' && 'accept',
    ticket.status === 'accepted' && 'start',
    working && highLevel && 'dispatch',
    working && 'resolve',
    ticket.status === 'resolved' && 'reopen',
    (open || ticket.status === 'resolved') && 'reply',
    ticket.status !== 'closed' && 'note',
  ].filter(Boolean);
}

function actionsSection(ticket) {
  const section = h('section', { class: 'work', 'aria-label': '办理' }, h('h3', {}, '办理'));
  const problem = h('div', { id: 'action-problem', class: 'problem', role: 'alert', hidden: true });
  if (!canWork(ticket)) {
    const text = state.session.user.role === 'admin'
      ? '管理员账号只能查看工单，不能办理。'
      : ticket.status === 'closed' ? '工单已结案。' : `工单现由${ticket.holder?.nodeName ?? '其他单位'}办理，您可以查看但不能操作。`;
    section.append(h('p', { class: 'hint' }, text));
    return section;
  }

  const actions = allowedActions(ticket);
  if (!actions.length) {
    section.append(h('p', { class: 'hint' }, '当前状态下没有可办理的操作。'));
    return section;
  }

  const slot = h('div', { id: 'action-slot' });
  section.append(
    h('div', { class: 'actions' }, actions.map((name) => h('button', {
      type: 'button',
      'data-action': name,
      class: name === 'accept' || name === 'resolve' ? 'primary' : null,
      onclick: (event) => (ACTIONS[name].field ? openActionForm(ticket, name, slot, problem) : runAction(ticket, name, {}, problem, event.currentTarget)),
    }, ACTIONS[name].label))),
    problem,
    slot);
  return section;
}

async function openActionForm(ticket, name, slot, problem) {
  const action = ACTIONS[name];
  hideProblem(problem);
  const formProblem = h('div', { class: 'problem', role: 'alert', hidden: true });
  const note = h('textarea', { id: 'action-note', maxlength: 2000, rows: 4 });
  const department = name === 'dispatch' ? h('select', { id: 'action-department' }, h('option', { value: '' }, '请选择…')) : null;
  const close = () => {
    slot.replaceChildren();
    state.formOpen = false;
    if (state.detailStale) openTicket(ticket.number, { focus: false });
  };
  const form = h('form', { class: 'action-form', 'data-action': name, novalidate: true },
    h('h4', {}, action.label),
    department ? h('div', { class: 'field' }, h('label', { for: 'action-department' }, '职能部门'), department) : null,
    h('div', { class: 'field' }, h('label', { for: 'action-note' }, action.field), note),
    formProblem,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: name === 'reopen' ? 'danger' : 'primary' }, action.submit),
      h('button', { type: 'button', onclick: close }, '取消')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideProblem(formProblem);
    const text = note.value.trim();
    if (action.required && !text) {
      showProblem(formProblem, { title: '请填写内容', detail: action.required });
      note.focus();
      return;
    }

    const body = name === 'dispatch' ? { departmentId: department.value, note: text || null } : { note: text };
    if (name === 'dispatch' && !department.value) {
      showProblem(formProblem, { title: '请选择职能部门' });
      department.focus();
      return;
    }

    const ok = await runAction(ticket, name, body, formProblem, event.submitter);
    if (ok) state.formOpen = false;
  });

  slot.replaceChildren(form);
  state.formOpen = true;
  note.focus();
  if (department) {
    const list = await departmentsFor(ticket.holder?.nodeId, formProblem);
    department.append(...list.map((d) => h('option', { value: d.id }, d.name)));
    department.focus();
  }
}

async function departmentsFor(nodeId, problem) {
  if (!nodeId) return [];
  if (!state.departments.has(nodeId)) {
    try {
      state.departments.set(nodeId, await request(`/api/org/departments?nodeId=${encodeURIComponent(nodeId)}`));
    } catch (error) {
      showProblem(problem, error);
      return [];
    }
  }

  return state.departments.get(nodeId);
}

/** Posts one action; on success redraws the detail from the answer and reloads the queue. */
async function runAction(ticket, name, body, problem, button) {
  const action = ACTIONS[name];
  if (button) button.disabled = true;
  try {
    const updated = await request(`/api/tickets/${encodeURIComponent(ticket.number)}/${action.path}`, { method: 'POST', body });
    state.detail = updated;
    renderDetail(updated);
    announce(`工单 ${ticket.number}：${action.done}。`);
    $('detail').querySelector('h2')?.focus();
    reloadQueue();
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return false;
    showProblem(problem, error);
    return false;
  } finally {
    if (button?.isConnected) button.disabled = false;
  }
}

// ---- dashboard ------------------------------------------------------------------------------------------------

function refreshDashboard() {
  loadDashboard($('dashboard-body'), state.dashboardQuery, (number) => openTicket(number));
}

function onPeriod(event) {
  const button = event.target.closest('[data-period]');
  if (!button) return;
  for (const other of document.querySelectorAll('[data-period]')) other.setAttribute('aria-pressed', String(other === button));
  const period = button.dataset.period;
  $('range-form').hidden = period !== 'range';
  if (period === 'range') {
    // Default range: the month so far, ready to adjust.
    const today = beijingDate();
    $('range-from').value ||= `${today.slice(0, 8)}01`;
    $('range-to').value ||= today;
    $('range-from').focus();
    return;
  }

  state.dashboardQuery = { period };
  refreshDashboard();
}

function onRange(event) {
  event.preventDefault();
  const from = $('range-from').value;
  const to = $('range-to').value;
  if (!from || !to || from > to) {
    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, { title: '日期范围有误', detail: '请选择开始和结束日期，且开始日期不晚于结束日期。' });
    $('dashboard-body').replaceChildren(box);
    return;
  }

  state.dashboardQuery = { period: 'range', from, to };
  refreshDashboard();
}

// ---- start ----------------------------------------------------------------------------------------------------

async function init() {
  setUnauthorizedHandler(() => signOut('登录已过期，请重新登录。'));
  $('sign-in-form').addEventListener('submit', signInHandler(onSession));
  $('password-form').addEventListener('submit', onChangePassword);
  $('password-skip').addEventListener('click', startWork);
  $('password-open').addEventListener('click', () => showPasswordView(false));
  $('sign-out').addEventListener('click', () => signOut());
  $('queue-more').addEventListener('click', () => reloadQueue({ append: true }));
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => selectTab(tab.dataset.tab));
  document.querySelector('.period').addEventListener('click', onPeriod);
  $('range-form').addEventListener('submit', onRange);

  const session = loadSession();
  if (!session) {
    showSignIn();
    return;
  }

  state.session = session;
  try {
    // The stored token may have been revoked, or the person moved: ask who it is now.
    session.user = await request('/api/auth/me', { token: session.token });
    saveSession(session);
    startWork();
  } catch (error) {
    if (error.status !== 401) signOut(error.title);
  }
}

init();
