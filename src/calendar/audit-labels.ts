// Chinese names of the audit events about the working-day calendar (a leaf data module).
export const calendarAuditLabels = {
  actions: { 'calendar.import': '导入节假日安排', 'calendar.day.correct': '更正单日' },
  subjects: { calendar: '工作日历', calendar_day: '日历中的一天' },
  fields: {
    calendar: { source: '来源', years: '年份', days: '日期' },
    calendar_day: { date: '日期', kind: '安排', name: '节日名称' },
  },
};
