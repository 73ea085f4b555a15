// The per-year figures of table 二 that no item gives, and the per-channel counts of posts
// that are not catalogue items: the form (every field a string, as typed) and its schema.
// Pure: no I/O.
import { z } from 'zod';
import { optionalSingleLine } from '../../validation/text-input.js';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../item.js';
import { FIGURE_LABELS, FIGURES, type Figure } from './table-two.js';

const MAX_COUNT = 10_000_000;

/** '12' → 12; '' → null; anything else an issue. */
function count(label: string) {
  return optionalSingleLine(label, 12).transform((s, ctx) => {
    if (s === null) return null;
    const t = s.replace(/[,，\s]/g, '');
    if (!/^\d+$/.test(t) || Number(t) > MAX_COUNT) {
      ctx.addIssue({
        code: 'custom',
        message: `${label}请填写不超过一千万的整数，如 12；没有请填 0`,
      });
      return z.NEVER;
    }
    return Number(t);
  });
}

/** 万元 as typed ('12.5', '0.0350') → fen, exactly; at most six decimals (1 fen). */
export function parseWanYuan(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  const m = /^(\d{1,7})(?:\.(\d{1,6}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
}

function amount(label: string) {
  return optionalSingleLine(label, 20).transform((s, ctx) => {
    if (s === null) return null;
    const fen = parseWanYuan(s);
    if (fen === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${label}请填写以万元为单位的金额，如 12.5（最多六位小数）；没有请填 0`,
      });
      return z.NEVER;
    }
    return fen;
  });
}

const source = (label: string) => optionalSingleLine(`${label}的数据来源`, 200);

const figureFields = Object.fromEntries(
  FIGURES.flatMap((f) => [
    [f, f === 'fees' ? amount(`${FIGURE_LABELS[f]}金额`) : count(`${FIGURE_LABELS[f]}决定数量`)],
    [`${f}Source`, source(FIGURE_LABELS[f])],
  ]),
);
const channelFields = Object.fromEntries(
  CHANNELS.flatMap((c) => [
    [`channel_${c}`, count(`${CHANNEL_LABELS[c]}条数`)],
    [`channel_${c}Source`, source(CHANNEL_LABELS[c])],
  ]),
);

export const YEAR_FIGURE_FIELDS = [...Object.keys(figureFields), ...Object.keys(channelFields)];

export interface YearFiguresInput {
  figures: { figure: Figure; value: number; source: string }[];
  channels: { channel: Channel; count: number; source: string }[];
}

/** A value needs its source (the report's figures must say where they came from). */
export const yearFiguresSchema = z
  .object({ ...figureFields, ...channelFields } as Record<
    string,
    z.ZodType<number | string | null>
  >)
  .superRefine((v, ctx) => {
    const needSource = (key: string, label: string) => {
      if (v[key] !== null && !v[`${key}Source`])
        ctx.addIssue({
          code: 'custom',
          path: [`${key}Source`],
          message: `请写明${label}的数据来源（如“区行政审批服务局审批系统统计”）`,
        });
    };
    for (const f of FIGURES) needSource(f, FIGURE_LABELS[f]);
    for (const c of CHANNELS) needSource(`channel_${c}`, CHANNEL_LABELS[c]);
  })
  .transform((v): YearFiguresInput => ({
    figures: FIGURES.flatMap((f) =>
      v[f] === null ? [] : [{ figure: f, value: v[f] as number, source: String(v[`${f}Source`]) }],
    ),
    channels: CHANNELS.flatMap((c) =>
      v[`channel_${c}`] === null
        ? []
        : [
            {
              channel: c,
              count: v[`channel_${c}`] as number,
              source: String(v[`channel_${c}Source`]),
            },
          ],
    ),
  }));

/** Fen → 万元 as typed back into the form: exact, no trailing zeros. */
export function wanYuanText(fen: number): string {
  const whole = Math.floor(fen / 1_000_000);
  const rest = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

export function figuresToForm(input: YearFiguresInput): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(YEAR_FIGURE_FIELDS.map((k) => [k, '']));
  for (const f of input.figures) {
    out[f.figure] = f.figure === 'fees' ? wanYuanText(f.value) : String(f.value);
    out[`${f.figure}Source`] = f.source;
  }
  for (const c of input.channels) {
    out[`channel_${c.channel}`] = String(c.count);
    out[`channel_${c.channel}Source`] = c.source;
  }
  return out;
}
