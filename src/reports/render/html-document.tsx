// The whole report as a standalone HTML document in the official layout: title, the six
// sections under their 一、…六、 headings, tables 二–四 in their sections, and the
// signature (agency and date). Print CSS makes it an A4 official document.
import { FORMATS } from '../format/index.js';
import type { AnnualReport, Finding } from '../model.js';
import { ReportTable } from './html-tables.js';
import { tableLayouts } from './layout.js';
import { markCells } from './marks.js';
import { paragraphs, reportTitle, sectionBlocks, signatureDate } from './document-parts.js';
import { DOCUMENT_CSS } from './style.js';

function ReportDocument(props: {
  report: AnnualReport;
  marked: readonly Finding[];
  stylesheetHref?: string;
}) {
  const { report, marked, stylesheetHref } = props;
  const title = reportTitle(report);
  const all = tableLayouts(report);
  const marks = markCells(marked, all);
  const layouts = new Map(all.map((l) => [l.key, l]));
  const blocks = sectionBlocks(report, FORMATS[report.format]);
  const date = signatureDate(report.publishedOn);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {stylesheetHref ? (
          <link rel="stylesheet" href={stylesheetHref} />
        ) : (
          <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS }} />
        )}
      </head>
      <body>
        <main class="report">
          <h1>{title}</h1>
          {paragraphs(report.preamble ?? '').map((p) => (
            <p class="preamble">{p.text}</p>
          ))}
          {blocks.map((block) => {
            const layout = block.table ? layouts.get(block.table) : undefined;
            return (
              <section aria-labelledby={`section-${block.key}`}>
                <h2 id={`section-${block.key}`}>{block.heading}</h2>
                {block.paragraphs.map((p) => (
                  <p class={p.subheading ? 'subheading' : undefined}>{p.text}</p>
                ))}
                {layout ? (
                  <ReportTable layout={layout} prefix="" marks={marks} captionVisible={false} />
                ) : null}
              </section>
            );
          })}
          {report.agency || date ? (
            <p class="signature">
              {report.agency ?? ''}
              {report.agency && date ? <br /> : null}
              {date ?? ''}
            </p>
          ) : null}
        </main>
      </body>
    </html>
  );
}

export async function renderHtmlDocument(
  report: AnnualReport,
  marked: readonly Finding[] = [],
  stylesheetHref?: string,
): Promise<string> {
  const body = await (
    <ReportDocument report={report} marked={marked} stylesheetHref={stylesheetHref} />
  ).toString();
  return `<!doctype html>\n${body}\n`;
}
