// Rich text from a news site becomes plain text: one paragraph per block,
// separated by a blank line, nothing from scripts, styles or forms. The HTML
// is parsed into a <template>'s inert content (nothing loads, runs or
// applies) and only read.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'HEAD', 'TITLE',
  'META', 'LINK', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'AUDIO', 'VIDEO', 'PICTURE', 'IMG',
]);

export function htmlToText(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const paragraphs = [];
  let line = '';
  let lines = [];

  const flushLine = () => {
    const clean = line.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const flushParagraph = () => {
    flushLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };

  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag) || child.hidden) continue;
        if (tag === 'BR') {
          flushLine();
        } else if (tag === 'PRE') {
          flushParagraph();
          const pre = child.textContent.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
          if (pre.trim()) paragraphs.push(pre);
        } else if (BLOCK.has(tag)) {
          flushParagraph();
          walk(child);
          flushParagraph();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(template.content);
  flushParagraph();
  return paragraphs.join('\n\n');
}
