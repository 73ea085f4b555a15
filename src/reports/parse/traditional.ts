// Pages saved from mirror sites that convert Chinese to traditional characters (規章,
// 行政許可, 第二十條第(一)項): the traditional forms of the characters that the format's
// labels and headings use, so that such a page is matched like the original. Only label
// matching uses it; the text of the report is kept as printed.
const PAIRS =
  '發发廢废現现規规範范處处決决數数許许罰罚強强費费萬万單单業业條条項项內内製制開开總总對对務务採采購购' +
  '請请況况組组織织機机構构會会計计關关係系為为轉转結结辦办區区國国穩稳護护權权屬属類类過过執执詢询無无' +
  '沒没補补確确訪访舉举報报訴诉複复復复繳缴納纳維维糾纠審审議议訟讼經经體体動动臺台設设監监問问題题進进' +
  '與与個个後后當当獲获於于這这繼继續续減减讀读產产儲储須须徑径蓋盖據据歸归檔档層层級级劃划錄录覽览';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

/** The text with the traditional characters of the format's vocabulary in their simplified form. */
export function simplified(text: string): string {
  return text.replace(TRADITIONAL, (c) => MAP.get(c) ?? c);
}
