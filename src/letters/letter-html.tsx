// A letter as a print-ready HTML document: one A4 sheet in 公文 layout, linking the static
// letter stylesheet (no inline style or script). Every value is text to hono/jsx, so a
// value holding markup prints as the characters typed.
import { jsx } from 'hono/jsx';
import type { LetterDocument } from './compose.js';
import { LETTER_CSS_HREF } from './letter-style.js';

/** The sheet; inside a console page its title is a lower heading than the page's own. */
export function LetterSheet({ doc, level = 1 }: { doc: LetterDocument; level?: 1 | 2 }) {
  const title = jsx(
    `h${level}`,
    { class: 'letter-title' },
    doc.titleLines.map((line) => <span>{line}</span>),
  );
  const slipTitle = (text: string) => jsx(`h${level + 1}`, { class: 'slip-title' }, text);
  return (
    <article class="letter-sheet" aria-label={doc.name}>
      {title}
      <p class="letter-number">{doc.number}</p>
      <p class="addressee">{doc.addressee}</p>
      <div class="body">
        {doc.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
      </div>
      <p class="closing">{doc.closing}</p>
      <div class="signature-block">
        <span class="seal" aria-hidden="true">
          （盖章处）
        </span>
        {doc.signature.map((line) => (
          <p>{line}</p>
        ))}
        <p>{doc.date}</p>
      </div>
      {doc.footer.length > 0 ? (
        <div class="footer">
          {doc.footer.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      ) : null}
      {doc.slip ? (
        <section class="slip" aria-label={doc.slip.title}>
          {slipTitle(doc.slip.title)}
          {doc.slip.paragraphs.map((p, i) => (
            <p class={i === 0 && p.endsWith('：') ? 'addressee' : undefined}>{p}</p>
          ))}
        </section>
      ) : null}
    </article>
  );
}

/** The whole document, as stored and served. */
export async function letterHtml(doc: LetterDocument): Promise<string> {
  const body = await (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.name} ${doc.number}`}</title>
        <link rel="stylesheet" href={LETTER_CSS_HREF} />
      </head>
      <body class="letter-document">
        <main>
          <LetterSheet doc={doc} />
        </main>
      </body>
    </html>
  ).toString();
  return `<!doctype html>\n${body}\n`;
}
