// A tiny element builder. Text always goes in as text nodes, never as HTML, so complaint text and notes from
// residents cannot inject markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('p', {class: 'x', onclick: fn}, 'text', child, …): attributes, `on…` listeners, children (null/false skipped). */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }

  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return element;
}

/** Shows a ProblemError (or any error) in `box`: the title in bold, then the detail and validation messages. */
export function showProblem(box, error) {
  box.replaceChildren(
    h('strong', {}, error?.title ?? '操作失败'),
    ...[error?.detail, ...(error?.messages ?? [])].filter(Boolean).map((line) => h('span', {}, line, ' ')),
  );
  box.hidden = false;
}

export function hideProblem(box) {
  box.hidden = true;
  box.replaceChildren();
}
