// The calendar's two forms as schemas (read with src/web/form-input.ts): importing a notice
// (pasted text or one file, never both) and correcting one day.
import { z } from 'zod';
import { multiLine, optionalSingleLine, textProblem } from '../validation/text-input.js';
import { DAY_NAME_MAX } from './calendar-service.js';
import { checkIsoDate } from './dates.js';

// The file's name becomes the source shown beside the loaded year.
export const fileNameProblem = (name: string) =>
  textProblem(name, '文件名', 'single', '请重命名文件后重新上传');

const pastedText = multiLine('通知全文');

export const IMPORT_FORM = { fields: ['text'], files: ['file'] } as const;

export const importFormSchema = z
  .object({ text: z.string(), file: z.array(z.instanceof(File)) })
  .superRefine((v, ctx) => {
    const file = v.file[0];
    if (file && v.text.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: '请只用一种方式：粘贴通知全文，或上传文件（请清空文本框或不选文件）',
      });
      return;
    }
    if (!file && !v.text.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: '请粘贴通知全文，或选择要上传的文件',
      });
      return;
    }
    const pasted = pastedText.safeParse(v.text);
    if (!pasted.success)
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: pasted.error.issues[0]?.message ?? '通知全文有误',
      });
    const nameProblem = file ? fileNameProblem(file.name) : null;
    if (nameProblem) ctx.addIssue({ code: 'custom', path: ['file'], message: nameProblem });
  })
  .transform((v) => ({ text: v.text, file: v.file[0] ?? null }));

export const SAVE_FORM = { fields: ['payload', 'fileName'] } as const;

export const saveFormSchema = z
  .object({ payload: z.string(), fileName: z.string() })
  .superRefine((v, ctx) => {
    const problem = v.fileName ? fileNameProblem(v.fileName) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['file'], message: problem });
  })
  .transform((v) => ({ payload: v.payload, fileName: v.fileName || null }));

export const DAY_FORM = { fields: ['date', 'kind', 'name'] } as const;

export const dayFormSchema = z.object({
  date: z.string().transform((raw, ctx) => {
    if (!raw.trim()) {
      ctx.addIssue({ code: 'custom', message: '请填写日期，例如 2026-10-10' });
      return z.NEVER;
    }
    const date = checkIsoDate(raw);
    if (!date.ok) {
      ctx.addIssue({ code: 'custom', message: date.error });
      return z.NEVER;
    }
    return date.date;
  }),
  kind: z.enum(['holiday', 'workday', 'normal'], { message: '请选择这一天的安排' }),
  name: optionalSingleLine('节日名称', DAY_NAME_MAX),
});
