// GET /api/v1/calendar/due: the end of a period of N working days on the official calendar,
// with `provisional` when it reaches a year whose notice is not loaded yet.
import { Hono } from 'hono';
import { z } from 'zod';
import { apiError } from '../api/api-errors.js';
import type { ApiOperation } from '../api/openapi.js';
import { errorSchema, type ApiSchema } from '../api/schemas.js';
import type { AppEnv } from '../web/env.js';
import { computeDueDate, parseDueQuestion } from './calendar-service.js';
import { CalendarInputError, MAX_WORKING_DAYS } from './working-days.js';

export const dueDateSchema = z.object({
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('期限届满日（YYYY-MM-DD）'),
  provisional: z
    .boolean()
    .describe('为 true 时计算用到了尚未载入节假日安排的年份（按周一至周五估算），结果只是暂定'),
});
/** The components the calendar operations refer to. */
export const calendarSchemas: readonly ApiSchema[] = [
  { schema: dueDateSchema, id: 'DueDate', description: '按工作日计算的期限届满日' },
];

export const calendarOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/calendar/due',
    operationId: 'calendarDueDate',
    summary: '按工作日计算期限届满日',
    description:
      '按国务院办公厅公布的节假日安排（含调休上班日）计算：起算当日不计，次日为第1个工作日。例如 2024-09-27 起 20 个工作日，届满日为 2024-10-30。',
    tags: ['工作日历'],
    auth: 'public',
    parameters: [
      {
        name: 'from',
        in: 'query',
        required: true,
        description: '起算日期（如收到申请之日），YYYY-MM-DD',
        schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      },
      {
        name: 'workingDays',
        in: 'query',
        required: true,
        description: `工作日数，0 到 ${MAX_WORKING_DAYS} 的整数，如 20`,
        schema: z.string().regex(/^\d{1,5}$/),
      },
    ],
    responses: {
      '200': { description: '期限届满日', schema: dueDateSchema },
      '400': { description: '日期或工作日数有误', schema: errorSchema },
    },
  },
];

export function calendarApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/v1/calendar/due', async (c) => {
    let question: { from: string; workingDays: number };
    try {
      question = parseDueQuestion(c.req.query('from'), c.req.query('workingDays'));
    } catch (e) {
      if (e instanceof CalendarInputError) return apiError(c, 400, e.message);
      throw e;
    }
    const due = await computeDueDate(c.get('deps'), question.from, question.workingDays);
    return c.json(dueDateSchema.parse({ due: due.date, provisional: due.provisional }));
  });
  return app;
}
