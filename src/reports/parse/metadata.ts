// The report's year, agency and date of publication, read from the title, the statistics
// period, the opening sentence and the signature at the end.

const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** 「二〇二二年一月十八日」 → 「2022年1月18日」; Arabic dates pass through unchanged. */
function arabicDate(text: string): string {
  return text.replace(
    /([〇零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu,
    (_m, y: string, mo: string, d: string) => {
      const year = [...y].map((c) => CN_DIGITS[c] ?? c).join('');
      return `${year}年${smallNumber(mo)}月${smallNumber(d)}日`;
    },
  );
}

function smallNumber(s: string): number {
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const t =
    tens === undefined
      ? 0
      : tens === ''
        ? s.includes('十')
          ? 1
          : 0
        : Number(CN_DIGITS[tens] ?? 0);
  const o = ones ? Number(CN_DIGITS[ones] ?? 0) : 0;
  return t * 10 + o;
}

const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
const AGENCY_SUFFIX =
  /(?:政府|办事处|办公室|委员会|局|厅|部|署|院|委|中心|街道|街|镇|乡|处|所|站|队|会)$/u;

function isoDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export interface Signature {
  agency: string | null;
  publishedOn: string | null;
  /** How many of the last prose lines the signature occupies (to keep it out of section text). */
  lines: number;
}

/** The signature block at the end: an agency line, then a date line. */
export function readSignature(lastLines: readonly string[]): Signature {
  const tail = lastLines.map((l) => l.replace(/\s+/gu, '')).filter((l) => l !== '');
  for (let i = tail.length - 1; i >= Math.max(0, tail.length - 3); i--) {
    const m = DATE_LINE.exec(arabicDate(tail[i]!));
    if (!m) continue;
    const publishedOn = isoDate(m[1]!, m[2]!, m[3]!);
    const before = tail[i - 1];
    const agency =
      before && before.length <= 40 && !/[。；，]/u.test(before) && AGENCY_SUFFIX.test(before)
        ? before
        : null;
    return { agency, publishedOn, lines: tail.length - i + (agency ? 1 : 0) };
  }
  return { agency: null, publishedOn: null, lines: 0 };
}

/** The year reported on: from the title, else from the statistics period. */
export function readYear(head: string): number | null {
  const text = arabicDate(head.replace(/\s+/gu, ''));
  const patterns = [
    /(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/u,
    /统计期限?(?:为|自|从)?(\d{4})年1月1日/u,
    /(\d{4})年1月1日(?:起)?至\1年12月31日/u,
    // Last, as the least certain: the year first, the agency between (「2025年上海市…政府信息公开」).
    /(\d{4})年度?[^\d，,。；;：:《》]{2,40}?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/u,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The agency named in the opening sentence (「本报告由淮安市洪泽区人民政府办公室根据…」) or the title. */
export function readAgencyFromHead(head: string): string | null {
  const text = head.replace(/\s+/gu, '');
  const by = /本报告由(.{2,40}?)(?:根据|依据|按照|编制|制作)/u.exec(text);
  if (by) {
    const name = by[1]!.replace(/(?:政务公开|政府信息公开)?(?:办公室|工作领导小组办公室)$/u, '');
    if (name.length >= 2 && AGENCY_SUFFIX.test(name)) return name;
    return by[1]!;
  }
  for (const line of titleLines(head.split('\n'))) {
    const name = titleAgency(withoutPageLabel(line.replace(/[ \t]+/gu, '')));
    if (name && (AGENCY_SUFFIX.test(name) || PLACE_SUFFIX.test(name))) return name;
  }
  return null;
}

/**
 * The lines that may hold the title: each line naming a 报告, and a line without one joined
 * with the next when the title wraps — its end on the next line (「2024 年上海市科委政府信息公开工作」/
 * 「年度报告」), or the agency alone above the year and the rest (「建平县卫生健康局」/
 * 「2020年度政府信息公开工作报告」: a short line with no punctuation).
 */
function titleLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1]?.trim() ?? '';
    if (line.includes('报告')) out.push(line);
    else if (/^\S{0,12}报告/u.test(next)) out.push(line + next);
    else if (AGENCY_LINE.test(line.trim()) && /^\d{4}\s*年.*报告/u.test(next))
      out.push(line.trim() + next);
  });
  return out;
}

/** A line that can be an agency's name alone: short, no digits and no punctuation. */
const AGENCY_LINE = /^[^\d\s\p{P}]{2,30}$/u;

/** The agency a title names, before its year or, in 「2019年上海市人民政府办公厅政府信息公开…」, after it. */
function titleAgency(line: string): string | null {
  const before = TITLE.exec(line);
  if (before?.[1]) return nameBeforeYear(before[1]);
  const after = YEAR_FIRST_TITLE.exec(line);
  const name = after?.[1];
  return name && !/^(?:我|本)/u.test(name) ? name : null;
}

/**
 * 「某某局2023年政府信息公开工作年度报告」, or a letter sending it (「某某局关于报送2020年度…报告的函」):
 * the agency is what stands before the year.
 */
const TITLE =
  /^([^\d]{2,40}?)(?:关于)?(?:报送|印发|公布|发布)?\d{4}年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/u;
/** 「2025年上海市人民政府办公厅政府信息公开工作年度报告」: the year first, then the agency. */
const YEAR_FIRST_TITLE =
  /^\d{4}年度?([^\d，,。；;：:《》]{2,40}?)(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/u;
/** A title that names a place for its government (「平潭综合实验区2025年度…」, 「淮安市2024年…」). */
const PLACE_SUFFIX = /(?:省|自治区|市|州|盟|县|旗|区)$/u;
/**
 * A crawler's or a page's label before the title (「标题:」「文章标题：」): the page's field
 * name, not part of the title. Only a short label, so a sentence with a colon is left alone.
 */
const PAGE_LABEL = /^(?:标题|题目|文章标题|主题|名称|信息名称)[:：]/u;

/**
 * The name before the year, when the title is said in a sentence (「根据《条例》要求，特编制湛江市
 * 人民政府地方志办公室2023年…」): what follows the sentence's verb. 「我局」 names no one.
 */
function nameBeforeYear(text: string): string | null {
  // Inside a document's title (「根据《平武县人民政府办公室关于…」): another agency's document.
  if (/《[^》]*$/u.test(text)) return null;
  const name = text
    .trim()
    .replace(/^.*[，,。；;：:《》〈〉、]/u, '')
    .replace(/^.*?(?:特|现|现将|现予)?(?:编制|公布|公开|发布)(?:了)?/u, '');
  return name.length >= 2 && !/^(?:我|本)(?:局|委|办|单位|机关|部门)$/u.test(name) ? name : null;
}

function withoutPageLabel(line: string): string {
  return line.replace(PAGE_LABEL, '');
}
