// The console home (工作台): who is signed in, for which agency, what to do next.
import { Hono } from 'hono';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency, DisclosureOffice } from '../agencies/agency.js';
import { isPlatformAdmin } from '../auth/platform-admin.js';
import { NextYearNotice } from '../calendar/calendar-pages.js';
import { nextYearDue } from '../calendar/calendar-service.js';
import { roleLabel } from '../auth/roles.js';
import { chineseDate } from '../portal/dates.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { ConsolePage } from '../web/layout.js';
import { navFor, type ConsoleNavItem } from './nav.js';
import { nextReportDeadline } from './report-deadline.js';
import { hasPermission } from '../auth/policy.js';
import { dueCounts, DueCountsNotice, type DueCounts } from '../requests/reminders-notice.js';

const OFFICE_FIELD_LABELS: Readonly<Record<keyof DisclosureOffice, string>> = {
  name: '机构名称',
  address: '办公地址',
  hours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
  website: '网址',
};

/** The 指南 facts the agency has not filled in (第十二条 requires them all). */
export function missingGuideFields(office: DisclosureOffice): string[] {
  return (Object.keys(OFFICE_FIELD_LABELS) as (keyof DisclosureOffice)[])
    .filter((k) => !office[k])
    .map((k) => OFFICE_FIELD_LABELS[k]);
}

function Dashboard({
  staff,
  agency,
  now,
  nav,
  missingYear,
  due,
}: {
  staff: StaffSession;
  agency: Agency | null;
  now: Date;
  nav: readonly ConsoleNavItem[];
  /** For the platform administrator: next year's holiday notice is due but not loaded. */
  missingYear: number | null;
  /** The request clock's overdue and due-soon counts, for request-handling staff. */
  due: DueCounts | null;
}) {
  const links = navFor(staff.roles, nav).filter((i) => i.href !== '/console');
  const deadline = nextReportDeadline(now);
  const missing = agency ? missingGuideFields(agency.office) : [];
  return (
    <ConsolePage title="工作台" staff={staff}>
      <p class="lead">
        {staff.displayName}，您好。今天是{chineseDate(now)}。您的角色：
        {staff.roles.map(roleLabel).join('、') || '无'}。
      </p>
      {missingYear ? <NextYearNotice year={missingYear} /> : null}
      <DueCountsNotice counts={due} />
      {agency ? (
        <section aria-labelledby="agency-title">
          <h2 id="agency-title">{agency.fullName}</h2>
          <ul>
            <li>
              门户专栏：<a href={`/agencies/${agency.slug}`}>{agency.fullName}政府信息公开</a>
            </li>
            <li>
              <a href={`/agencies/${agency.slug}/guide`}>政府信息公开指南</a>
              {missing.length > 0
                ? `：以下事项尚未填写——${missing.join('、')}。《条例》第十二条要求指南载明政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容，请及时补充。`
                : '：工作机构信息已齐全。'}
            </li>
          </ul>
        </section>
      ) : (
        <div class="notice warn">
          <p>当前账号所属机关不存在，请联系系统管理员。</p>
        </div>
      )}
      <section aria-labelledby="deadline-title">
        <h2 id="deadline-title">年度报告期限</h2>
        <p>
          {deadline.reportYear}年度政府信息公开工作年度报告应于
          {chineseDate(`${deadline.dueDate}T00:00:00+08:00`)}前向社会公布（《条例》第四十九条），
          {deadline.daysLeft === 0 ? '今天是最后一天。' : `距今还有${deadline.daysLeft}天。`}
        </p>
      </section>
      {links.length > 0 ? (
        <section aria-labelledby="links-title">
          <h2 id="links-title">常用功能</h2>
          <ul class="card-grid">
            {links.map((l) => (
              <li class="card">
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </ConsolePage>
  );
}

export function consoleRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/console', async (c) => {
    const staff = c.get('staff') as StaffSession;
    const { db, clock } = c.get('deps');
    const agency = await getAgencyById(db.kysely, staff.currentAgencyId);
    const missingYear = (await isPlatformAdmin(db.kysely, staff))
      ? await nextYearDue({ db, clock })
      : null;
    return c.html(
      <Dashboard
        staff={staff}
        agency={agency}
        now={clock.now()}
        nav={c.get('consoleNav')}
        missingYear={missingYear}
        due={
          agency && hasPermission(staff, 'request.handle')
            ? await dueCounts(db, agency.id, clock.now())
            : null
        }
      />,
    );
  });
  return app;
}
