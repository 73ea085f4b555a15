// The body of an item as HTML safe to show: an allowlist suited to 公文 bodies (paragraphs,
// headings, lists, tables, emphasis, links with safe schemes) and nothing else — no styles,
// classes, scripts, event handlers, frames, forms or images (images go in as attachments,
// checked by content). sanitize-html (a well-kept library) does the parsing; this file only
// says what is allowed. Text without any markup is taken as plain text: a blank line starts
// a new paragraph and a line break stays a line break.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ol',
    'ul',
    'li',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // The page's own <h1> is the title: a heading 1 in the body becomes a heading 2.
  transformTags: { h1: 'h2' },
  // What a script or style holds is dropped with it, never shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
  disallowedTagsMode: 'discard',
};

const HAS_MARKUP = /<\s*\/?\s*[A-Za-z][^>]*>/;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as paragraphs: blank lines separate them, single line breaks are kept. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}

/** The body as stored and shown: allowed markup only. */
export function sanitizeBody(input: string): string {
  const text = input.trim();
  if (text === '') return '';
  const html = HAS_MARKUP.test(text) ? text : plainTextToHtml(text);
  return sanitizeHtml(html, OPTIONS).trim();
}
