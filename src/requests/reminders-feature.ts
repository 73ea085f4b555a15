// The daily reminder digest of the request clock, as a feature of its own: it has no pages,
// only its job, its schedule and the names of its audit events (reminders-job.ts).
import { mailSettingsOf } from '../letters/email-job.js';
import type { Feature } from '../web/feature.js';
import { remindersJob, REMINDERS_RECURRING } from './reminders-job.js';

export const requestRemindersFeature: Feature = {
  name: 'request-reminders',
  jobs: ({ config }) => [
    remindersJob({ mail: mailSettingsOf(config), publicUrl: config.publicUrl }),
  ],
  recurring: [REMINDERS_RECURRING],
  auditLabels: {
    actions: {
      'request.reminder.prepare': '准备发送依申请公开到期提醒',
      'request.reminder.sent': '已发送依申请公开到期提醒',
      'request.reminder.failed': '依申请公开到期提醒发送失败',
      'request.reminder.no_recipient': '未发送到期提醒：没有收件邮箱',
    },
    subjects: { request_reminder: '依申请公开到期提醒' },
    fields: {
      request_reminder: {
        onDate: '提醒日期',
        recipient: '收件邮箱',
        overdue: '已超期的申请',
        dueSoon: '即将到期的申请',
        detail: '发送结果',
      },
    },
  },
};
