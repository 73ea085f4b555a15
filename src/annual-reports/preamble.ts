// The opening a composed report starts from, before section 一: on what basis it is
// written, the period its figures cover, and whom to ask — as agencies' reports usually
// open. Drafted from the agency's registered details; the office may rewrite it.
import type { ReportFormat } from '../reports/format/index.js';

export interface PreambleInput {
  agencyName: string;
  year: number;
  format: Pick<ReportFormat, 'basis'>;
  /** The disclosure office as the agency registered it; parts not registered are left out. */
  office?: { name: string | null; address: string | null; phone: string | null };
}

export function draftPreamble(p: PreambleInput): string {
  const basis =
    `本报告由${p.agencyName}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和` +
    `《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》` +
    `（${p.format.basis}）要求编制，报告中所列数据的统计期限自${p.year}年1月1日起至${p.year}年12月31日止。`;
  const office = p.office;
  if (!office?.name) return basis;
  const where = [
    office.address ? `地址：${office.address}` : null,
    office.phone ? `电话：${office.phone}` : null,
  ].filter((x) => x !== null);
  return `${basis}如对本报告有任何疑问，请与${office.name}联系${where.length > 0 ? `（${where.join('；')}）` : ''}。`;
}
