// A request case's 档案 as ONE .zip, for the agency's records office: 案卷目录.html (a readable
// summary: the case, the applicant, what was asked, every step with its date, the history
// of the audit log, the list of documents), every letter as stored (.html and .docx, checked
// against the hash taken at issue), and the applicant's uploads. Built in memory (a case is
// a few letters and proofs, each at most 10 MB); the route audits the export.
import type { Kysely } from 'kysely';
import { zipSync, type Zippable } from 'fflate';
import { beijingTime, type AuditLabelIndex } from '../audit/audit-labels.js';
import type { Database } from '../db/schema.js';
import type { FileStore } from '../files/file-store.js';
import { letterFile, lettersOf } from '../letters/issue.js';
import {
  APPLICANT_CATEGORY_LABELS,
  CASE_STATE_LABELS,
  RECEIPT_CHANNEL_LABELS,
} from '../requests/case.js';
import { isOutcomeKey, outcomeDef } from '../requests/outcomes.js';
import { getApplicant, listEvents, listFiles, listItems } from '../requests/repository.js';
import type { RequestCase } from '../requests/request.js';
import { STORED_EVENT_LABELS } from '../requests/steps/stored-core.js';

export interface CaseArchive {
  filename: string;
  bytes: Uint8Array;
  /** Entries in the zip besides the summary (letters' files and uploads). */
  documents: number;
}

const EXT: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
};

/** Safe as a name inside the zip: no separators, no control characters. */
const entryName = (s: string) => s.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');

export async function buildCaseArchive(
  deps: { db: Kysely<Database>; files: FileStore; labels: AuditLabelIndex; agencyName: string },
  rc: RequestCase,
  purgedOn: string | null,
): Promise<CaseArchive> {
  const { db, files, labels } = deps;
  const [items, events, uploads, applicant, letters, audit] = await Promise.all([
    listItems(db, rc.id),
    listEvents(db, rc.id),
    listFiles(db, rc.id),
    getApplicant(db, rc.id),
    lettersOf(db, { type: 'request', id: rc.id }),
    db
      .selectFrom('audit_events')
      .select(['occurred_at', 'actor_label', 'action'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', rc.id)
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute(),
  ]);
  const zip: Zippable = {};
  const docs: { name: string; what: string }[] = [];
  for (const l of letters) {
    for (const format of ['html', 'docx'] as const) {
      const f = await letterFile(db, files, l.id, format);
      if (!f) continue;
      const name = `文书/${entryName(`${l.letterNumber} ${l.title}`)}.${format}`;
      zip[name] = f.bytes;
      docs.push({ name, what: `${l.title}（${l.letterNumber}，${l.issuedOn}）` });
    }
  }
  let n = 0;
  for (const u of uploads) {
    const stored = await files.get(u.fileId);
    if (!stored) continue;
    n += 1;
    const name = `申请人提交的材料/${rc.trackingNumber}-${n}.${EXT[stored.file.contentType] ?? 'bin'}`;
    zip[name] = stored.bytes;
    docs.push({ name, what: u.purpose === 'identity_proof' ? '身份证明' : '申请人提交的材料' });
  }
  const summary = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{`案卷目录 ${rc.trackingNumber}`}</title>
      </head>
      <body>
        <h1>政府信息公开申请案卷目录</h1>
        <p>
          {deps.agencyName}　查询号 {rc.trackingNumber}
        </p>
        <h2>案件</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">办理状态</th>
              <td>{CASE_STATE_LABELS[rc.state]}</td>
            </tr>
            <tr>
              <th scope="row">申请渠道</th>
              <td>{RECEIPT_CHANNEL_LABELS[rc.channel]}</td>
            </tr>
            <tr>
              <th scope="row">申请人类型</th>
              <td>{APPLICANT_CATEGORY_LABELS[rc.category]}</td>
            </tr>
            <tr>
              <th scope="row">申请送达之日</th>
              <td>{rc.submittedOn}</td>
            </tr>
            <tr>
              <th scope="row">收到申请之日</th>
              <td>{rc.receivedOn ?? '尚未确认'}</td>
            </tr>
            <tr>
              <th scope="row">答复期限</th>
              <td>{rc.dueOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">办结日期</th>
              <td>{rc.closedOn ?? '尚未办结'}</td>
            </tr>
            <tr>
              <th scope="row">办理结果</th>
              <td>
                {rc.outcome
                  ? isOutcomeKey(rc.outcome)
                    ? outcomeDef(rc.outcome).fullLabel
                    : rc.outcome
                  : '—'}
              </td>
            </tr>
          </tbody>
        </table>
        <h2>申请人</h2>
        {purgedOn ? (
          <p>申请人个人信息已于 {purgedOn} 按保存期限清除。</p>
        ) : applicant ? (
          <table>
            <tbody>
              {(
                [
                  ['姓名或名称', applicant.name],
                  ['证件号码', applicant.idNumber],
                  ['统一社会信用代码', applicant.creditCode],
                  ['法定代表人', applicant.legalRepresentative],
                  ['联系人', applicant.contactName],
                  ['联系电话', applicant.phone],
                  ['通信地址', applicant.address],
                  ['电子邮箱', applicant.email],
                ] as const
              )
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <tr>
                    <th scope="row">{k}</th>
                    <td>{v}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
        <h2>申请公开的政府信息</h2>
        <ol>
          {items.map((i) => (
            <li>
              {i.title ? `${i.title}${i.documentNumber ? `（${i.documentNumber}）` : ''}：` : ''}
              {i.description}
            </li>
          ))}
        </ol>
        <h2>办理环节</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">环节</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{e.onDate}</td>
                <td>{STORED_EVENT_LABELS[e.type] ?? e.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>操作记录（审计日志）</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr>
                <td>{beijingTime(a.occurred_at)}</td>
                <td>{a.actor_label}</td>
                <td>{labels.action(a.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>卷内文件</h2>
        {docs.length === 0 ? (
          <p>无。</p>
        ) : (
          <ol>
            {docs.map((d) => (
              <li>
                {d.what}：{d.name}
              </li>
            ))}
          </ol>
        )}
      </body>
    </html>
  );
  const html = `<!doctype html>\n${await summary.toString()}`;
  zip['案卷目录.html'] = new TextEncoder().encode(html);
  return {
    filename: `案卷-${rc.trackingNumber}.zip`,
    bytes: zipSync(zip),
    documents: docs.length,
  };
}
