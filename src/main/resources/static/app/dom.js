// Every piece of data reaches the page as text nodes: nothing from the API is ever parsed as HTML.

/** An element with attributes (properties for on* handlers and dataset) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Text whose direction is its own (Arabic in an English page, English in an Arabic one), isolated from its neighbours. */
export function bdi(text) {
  return el('bdi', {}, text ?? '');
}

/**
 * A highlight fragment: the text with each matched range in a mark element. Ranges are UTF-16 offsets into the
 * text, as the API gives them; overlapping or out-of-range ones are clipped rather than trusted.
 */
export function highlighted(fragment) {
  const text = String(fragment.text ?? '');
  const node = el('span', { dir: 'auto', class: 'snippet' });
  let position = 0;
  const ranges = [...(fragment.matches ?? [])].sort((a, b) => a.start - b.start);
  for (const range of ranges) {
    const start = Math.max(position, Math.min(text.length, range.start | 0));
    const end = Math.max(start, Math.min(text.length, range.end | 0));
    if (start > position) node.append(document.createTextNode(text.slice(position, start)));
    if (end > start) node.append(el('mark', {}, text.slice(start, end)));
    position = Math.max(position, end);
  }
  if (position < text.length) node.append(document.createTextNode(text.slice(position)));
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function formatNumber(value, language) {
  return new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en', { maximumFractionDigits: 1 }).format(value);
}

export function formatDate(iso, language) {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}

/** Calls back once, when the node scrolls into view (the next page of an infinite list). */
export function whenVisible(node, callback) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      callback();
    }
  });
  observer.observe(node);
  return observer;
}
