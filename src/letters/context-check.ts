// The values a caller gives issueLetter, checked at run time too: the requests feature is
// typed against LetterContext, but a value can still be empty, a date malformed or text
// carry characters no letter may print. One Chinese message naming the placeholder.
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { textProblem } from '../validation/text-input.js';
import type { LetterKind } from './kinds.js';
import {
  KIND_PLACEHOLDERS,
  OPTIONAL_PLACEHOLDERS,
  PLACEHOLDERS,
  type PlaceholderKey,
  type PlaceholderValues,
} from './placeholders.js';

const MAX_TEXT = 4000;

function textOf(label: string) {
  return z
    .string({ error: `{${label}}应为文字` })
    .max(MAX_TEXT, `{${label}}不能超过${MAX_TEXT}个字`)
    .superRefine((v, ctx) => {
      const problem = textProblem(v, `{${label}}`, 'multi');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

function schemaOf(key: PlaceholderKey): z.ZodType {
  const { name, type } = PLACEHOLDERS[key];
  const optional = OPTIONAL_PLACEHOLDERS.has(key);
  switch (type) {
    case 'date':
      return z
        .string({ error: `缺少{${name}}` })
        .refine(isIsoDate, `{${name}}应为“年-月-日”格式的日期`);
    case 'money':
      return z
        .number({ error: `缺少{${name}}` })
        .int(`{${name}}应以分为单位的整数`)
        .min(0, `{${name}}不能为负数`);
    case 'lines':
      return z
        .array(
          textOf(name).refine((v) => v.trim() !== '', `{${name}}的每一项都不能为空`),
          {
            error: `缺少{${name}}`,
          },
        )
        .min(1, `{${name}}至少要有一项`);
    case 'text': {
      const text = textOf(name);
      return optional
        ? text.optional()
        : z
            .string({ error: `缺少{${name}}` })
            .refine((v) => v.trim() !== '', `{${name}}不能为空`)
            .pipe(text);
    }
  }
}

const SCHEMAS = new Map<LetterKind, z.ZodType<PlaceholderValues>>();

function schemaFor(kind: LetterKind): z.ZodType<PlaceholderValues> {
  let schema = SCHEMAS.get(kind);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const key of KIND_PLACEHOLDERS[kind]) shape[key] = schemaOf(key);
    schema = z.object(shape) as unknown as z.ZodType<PlaceholderValues>;
    SCHEMAS.set(kind, schema);
  }
  return schema;
}

/** The context's values, or the first problem as a Chinese sentence. */
export function checkContext(
  kind: LetterKind,
  context: unknown,
): { ok: true; values: PlaceholderValues } | { ok: false; message: string } {
  const parsed = schemaFor(kind).safeParse(context);
  if (parsed.success) return { ok: true, values: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? '文书内容有误' };
}
