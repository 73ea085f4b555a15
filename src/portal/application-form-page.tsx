// The blank 政府信息公开申请表 as a print-ready page (the header, navigation and footer are
// not printed), from the same data as the Word document.
import type { Agency } from '../agencies/agency.js';
import {
  APPLICATION_FORM_SECTIONS,
  APPLICATION_FORM_TITLE,
  applicationFormNotes,
} from '../guide/application-form.js';
import { PortalPage, portalColumn } from '../web/layout.js';

export function ApplicationFormPage({ agency }: { agency: Agency }) {
  const docx = `/agencies/${agency.slug}/application-form.docx`;
  return (
    <PortalPage title={APPLICATION_FORM_TITLE} agency={agency} column={portalColumn('/requests')}>
      <p class="no-print">
        本页可直接打印后填写（打印时只印出申请表）；也可以
        <a href={docx} download>
          下载 Word 文档（.docx）
        </a>
        填写后打印。
      </p>
      <p>受理机关：{agency.fullName}</p>
      {APPLICATION_FORM_SECTIONS.map((s) => (
        <table class="paper-form">
          <caption>{s.title}</caption>
          <tbody>
            {s.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td class={r.kind === 'field' && (r.lines ?? 1) > 1 ? 'tall' : undefined}>
                  {r.kind === 'choices' ? (
                    <span class="choices">
                      {r.options.map((o) => (
                        <span>□ {o}</span>
                      ))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h2>填表说明</h2>
      <ol>
        {applicationFormNotes(agency.fullName).map((n) => (
          <li>{n}</li>
        ))}
      </ol>
    </PortalPage>
  );
}
