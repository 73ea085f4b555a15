// Which subordinate agency a received report is from, suggested from the name the report
// gives itself or, failing that, from its file name; the supervisor confirms or corrects.
// And what makes a report not count as received (another year, not a subordinate, the same
// file twice). Pure.

export interface AgencyName {
  id: string;
  fullName: string;
  shortName: string;
}

/** Names compared without spaces, punctuation and the 「中共」「人民政府」 variants that differ. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/办事处$/u, '');
}

function candidates(a: AgencyName): string[] {
  const names = [a.fullName, a.shortName].map(normaliseName).filter((n) => n.length >= 2);
  return [...new Set(names)];
}

/**
 * Where the name at the start of a text ends, in a report's title or file name: at a year,
 * or at the words of the title (「政府信息公开工作年度报告」), so that what follows an agency's
 * name in 「平潭综合实验区教育局2021年度…」 is read as 「教育局」. 「政府信息公开办公室」 is a name,
 * so 信息公开 ends it only when the title goes on.
 */
const NAME_END =
  /\d|[〇零一二三四五六七八九十]{2,}年|(?:政府|政务)?信息公开(?=工作|年度|年报|报告|$)|政务公开|年度|年报|工作报告|关于/u;

/** Words after a name that still name the same body: its government, its office's seat. */
const SAME_BODY = /^(?:人民政府|政府|党工委|管理委员会|管委会|办事处)+/u;

/**
 * How the name of a body of its own ends: an office or department (…局, …委员会, …办公室,
 * …中心, …街道), or a place with its government (…镇人民政府). At least one character before
 * the ending, so that 「街道」 after 「灵山卫」 completes that name instead of naming another.
 */
const BODY_END =
  /.(?:局|委员会|委|办公室|办公厅|办|室|中心|街道|办事处|所|院|处|队|站|厅|部|署|社|馆|会|镇|乡|区|县|市|旗)(?:人民政府|政府)?$/u;

/** The words after a name, read as far as a name goes, without those naming the same body. */
function nameAfter(rest: string): string {
  return (rest.split(NAME_END)[0] ?? '').replace(SAME_BODY, '');
}

const namesAnotherBody = (name: string) => BODY_END.test(name);

/**
 * How well an agency's name matches a text, best first: the text is the name (3); the text
 * contains the name (2), longer names saying more; the name contains the text (1), as
 * 「灵山卫街道」 in 「青岛市黄岛区灵山卫街道」. Null when the names say they are different
 * bodies: what follows the name in the text names an office of it (「平潭综合实验区」 in
 * 「平潭综合实验区教育局」: the bureau's report is not the government's), or what follows the
 * text in the name does (a report of 「福州市人民政府」 is not its 办公室's). A name contained in
 * another agency's name (`shared`) says too little to match more than itself: the text
 * must name nothing after it.
 */
function matchOf(t: string, n: string, shared: boolean): { tier: number; length: number } | null {
  if (t === n) return { tier: 3, length: n.length };
  const at = t.indexOf(n);
  if (at >= 0) {
    const after = nameAfter(t.slice(at + n.length));
    if (shared ? after !== '' : namesAnotherBody(after)) return null;
    return { tier: 2, length: n.length };
  }
  const within = n.indexOf(t);
  if (t.length >= 4 && within >= 0) {
    const after = n.slice(within + t.length).replace(SAME_BODY, '');
    return namesAnotherBody(after) ? null : { tier: 1, length: t.length };
  }
  return null;
}

/**
 * The one agency the text names best; null when none does, or when two or more match
 * equally well (the same tier and length, or a text contained in several agencies'
 * names): the supervisor then confirms by hand, the machine does not guess.
 */
function bestMatch(text: string, agencies: readonly AgencyName[]): string | null {
  const t = normaliseName(text);
  if (t.length < 2) return null;
  const names = agencies.map((a) => ({ id: a.id, names: candidates(a) }));
  const isShared = (id: string, n: string) =>
    names.some((o) => o.id !== id && o.names.some((m) => m.length > n.length && m.includes(n)));
  const scored: { id: string; score: number }[] = [];
  for (const { id, names: own } of names) {
    let score = 0;
    for (const n of own) {
      const m = matchOf(t, n, isShared(id, n));
      // Tier first, then length: names are far shorter than 1000 characters.
      if (m) score = Math.max(score, m.tier * 1000 + m.length);
    }
    if (score > 0) scored.push({ id, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || (second && second.score === first.score)) return null;
  return first.id;
}

/** The suggestion for one report: by the name in the report, else by the file name. */
export function suggestAgency(
  reportAgency: string | null,
  fileName: string,
  agencies: readonly AgencyName[],
): string | null {
  if (reportAgency) {
    const byReport = bestMatch(reportAgency, agencies);
    if (byReport) return byReport;
  }
  const base = (fileName.split('/').pop() ?? fileName).replace(/\.[a-z0-9]+$/iu, '');
  return bestMatch(base, agencies);
}

/** Why a received report is not counted for the batch's year (several may apply). */
export type BatchFlag = 'unmatched' | 'outside' | 'other_year' | 'duplicate' | 'unconfirmed';

export const FLAG_LABELS: Readonly<Record<BatchFlag, string>> = {
  unmatched: '未匹配到下级机关',
  outside: '不是本机关的下级机关',
  other_year: '报告年度与本批次不符',
  duplicate: '与本批次另一文件内容相同',
  unconfirmed: '机关待确认',
};

export interface FlagInput {
  id: string;
  seq: number;
  sha256: string | null;
  state: string;
  agencyId: string | null;
  confirmed: boolean;
  reportYear: number | null;
}

/**
 * Each report's flags within its batch: the year read differs from the batch's; the agency
 * (confirmed or suggested) is none or not a subordinate; the same content arrived earlier in
 * the batch (the first copy counts, the later ones are flagged); the match is not confirmed.
 */
export function batchFlags(
  reports: readonly FlagInput[],
  batchYear: number,
  subordinates: ReadonlySet<string>,
): Map<string, BatchFlag[]> {
  const firstOfHash = new Map<string, number>();
  for (const r of [...reports].sort((a, b) => a.seq - b.seq)) {
    if (r.sha256 && !firstOfHash.has(r.sha256)) firstOfHash.set(r.sha256, r.seq);
  }
  const out = new Map<string, BatchFlag[]>();
  for (const r of reports) {
    const flags: BatchFlag[] = [];
    if (r.sha256 && firstOfHash.get(r.sha256) !== r.seq) flags.push('duplicate');
    if (r.state === 'read') {
      if (r.agencyId === null) flags.push('unmatched');
      else if (!subordinates.has(r.agencyId)) flags.push('outside');
      else if (!r.confirmed) flags.push('unconfirmed');
      if (r.reportYear !== null && r.reportYear !== batchYear) flags.push('other_year');
    }
    out.set(r.id, flags);
  }
  return out;
}

/** A report counts for its agency's year only when nothing above holds against it. */
export function counts(flags: readonly BatchFlag[]): boolean {
  return flags.length === 0;
}
