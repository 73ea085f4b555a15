import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officialSeed } from '../calendar/seed.js';
import { createCalendar } from '../calendar/working-days.js';
import { digestMail, dueSoonLimit, sortReminders, type ReminderCase } from './reminders.js';

const seed = officialSeed();
const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });

test('due soon means within 3 working days: make-up days count, holidays do not', () => {
  const cases: Array<[string, string, string]> = [
    // Friday before National Day 2024: Sunday 29 September is a make-up working day.
    ['2024-09-27', '2024-10-08', 'National Day: 9-29 (make-up), 9-30, then 10-08'],
    ['2024-12-31', '2025-01-06', 'New Year: 1 January is a holiday; Thursday, Friday, Monday'],
    [
      '2025-01-24',
      '2025-02-05',
      'Spring Festival: make-up Sunday 1-26, then the holiday until 2-04',
    ],
    ['2024-03-06', '2024-03-11', 'an ordinary week: Thursday, Friday, Monday'],
  ];
  for (const [today, limit, why] of cases) assert.equal(dueSoonLimit(calendar, today), limit, why);
});

const c = (
  trackingNumber: string,
  dueOn: string,
  state: ReminderCase['state'] = 'in_progress',
) => ({
  trackingNumber,
  dueOn,
  dueProvisional: false,
  state,
});

test('overdue before today (paused or not); due soon from today to the limit, clock running', () => {
  const today = '2024-03-06';
  const limit = '2024-03-11';
  const rows: Array<[ReminderCase, 'overdue' | 'dueSoon' | null]> = [
    [c('A', '2024-03-05'), 'overdue'],
    [c('B', '2024-03-01', 'consulting'), 'overdue'],
    [c('C', '2024-03-06'), 'dueSoon'],
    [c('D', '2024-03-11', 'reply_approved'), 'dueSoon'],
    [c('E', '2024-03-12'), null],
    [c('F', '2024-03-07', 'fee_pending'), null],
    [c('G', '2024-03-08', 'consulting'), null],
  ];
  const d = sortReminders(
    rows.map(([x]) => x),
    today,
    limit,
  );
  for (const [x, where] of rows) {
    assert.equal(d.overdue.includes(x), where === 'overdue', `${x.trackingNumber} overdue`);
    assert.equal(d.dueSoon.includes(x), where === 'dueSoon', `${x.trackingNumber} due soon`);
  }
  assert.deepEqual(
    d.overdue.map((x) => x.trackingNumber),
    ['B', 'A'],
    'earliest first',
  );
});

test('the digest names cases by tracking number, due date and state, and says where to act', () => {
  const mail = digestMail(
    '灵山卫街道办事处',
    '2024-03-06',
    {
      overdue: [c('GK-1', '2024-03-05')],
      dueSoon: [{ ...c('GK-2', '2025-01-03', 'reply_drafted'), dueProvisional: true }],
    },
    'https://xxgk.example.gov.cn/console/requests',
  );
  assert.equal(
    mail.subject,
    '【依申请公开到期提醒】灵山卫街道办事处：已超期1件，即将到期1件（2024-03-06）',
  );
  assert.match(mail.text, /已超过答复期限（1件）：\n {2}GK-1 {2}答复期限 2024-03-05 {2}办理中/);
  assert.match(mail.text, /3个工作日内到期（1件）：\n {2}GK-2 {2}答复期限 2025-01-03（暂定/);
  assert.match(mail.text, /答复已起草/);
  assert.match(mail.text, /https:\/\/xxgk\.example\.gov\.cn\/console\/requests/);
  const none = digestMail(
    '灵山卫街道办事处',
    '2024-03-06',
    { overdue: [], dueSoon: [c('GK-3', '2024-03-07')] },
    null,
  );
  assert.doesNotMatch(none.text, /已超过答复期限/);
  assert.match(none.text, /请登录工作台“依申请公开”待办列表/);
});
