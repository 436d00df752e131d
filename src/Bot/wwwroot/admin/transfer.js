// 导入导出: the knowledge base as a zip in knowledge-base/ format, and an import of one .jsonl file or a folder of
// .md entry files, all or nothing, with the service's file:line messages when anything is invalid.

import { h, hideProblem, showProblem } from '../console/dom.js';
import { call, handled } from './client.js';

const $ = (id) => document.getElementById(id);

let announce = () => {};

export function initTransfer(options) {
  announce = options.announce;
  $('export').addEventListener('click', (event) => exportBase(event.currentTarget));
  $('import-form').addEventListener('submit', importFiles);
  // One source at a time: choosing a file clears the folder and the other way round.
  $('import-jsonl').addEventListener('change', () => { $('import-folder').value = ''; });
  $('import-folder').addEventListener('change', () => { $('import-jsonl').value = ''; });
}

async function exportBase(button) {
  hideProblem($('export-error'));
  button.disabled = true;
  try {
    // A plain link cannot carry the bearer token: fetch the zip, then hand it to the browser as a download.
    const blob = await call('/api/admin/export', { as: 'blob' });
    const url = URL.createObjectURL(blob);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');
    const link = h('a', { href: url, download: `knowledge-base-${today}.zip`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    announce('知识库已导出。');
  } catch (error) {
    if (!handled(error)) showProblem($('export-error'), error);
  } finally {
    button.disabled = false;
  }
}

async function importFiles(event) {
  event.preventDefault();
  const result = $('import-result');
  const jsonl = [...$('import-jsonl').files];
  // A folder brings everything in it; only the entry files go (the relative path names them in messages).
  const markdown = [...$('import-folder').files].filter((file) => file.name.toLowerCase().endsWith('.md'));
  const files = jsonl.length ? jsonl : markdown;
  if (!files.length) {
    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, { title: '请选择文件', detail: '请选择一个 .jsonl 文件，或一个包含 .md 文件的文件夹。' });
    result.replaceChildren(box);
    return;
  }

  const form = new FormData();
  for (const file of files) form.append('files', file, file.webkitRelativePath || file.name);
  const button = event.submitter;
  if (button) button.disabled = true;
  result.replaceChildren(h('p', { class: 'hint' }, `正在导入 ${files.length} 个文件…`));
  try {
    const counts = await call('/api/admin/import', { method: 'POST', body: form });
    result.replaceChildren(h('p', { class: 'success', 'data-result': 'imported' },
      `导入完成：新增 ${counts?.added ?? 0} 条，更新 ${counts?.updated ?? 0} 条，未变 ${counts?.unchanged ?? 0} 条。`));
    announce('导入完成。');
  } catch (error) {
    if (handled(error)) {
      result.replaceChildren();
      return;
    }

    const box = h('div', { class: 'problem', role: 'alert' });
    showProblem(box, { title: error.title, detail: error.detail });
    const list = Array.isArray(error.errors) ? error.errors : [];
    if (list.length) {
      box.append(h('p', {}, `共 ${list.length} 处错误，未导入任何条目：`), h('ol', { class: 'import-errors' }, list.map((item) =>
        h('li', {}, h('span', { class: 'mono' }, [item.file, item.line].filter((part) => part !== undefined && part !== null && part !== '').join(':')), ' ', item.message ?? ''))));
    }

    result.replaceChildren(box);
  } finally {
    if (button) button.disabled = false;
  }
}
