// The demo registry of 灵山卫街道办事处, as the 2021 annual report describes it: two accounts
// operating (「卫 您好」 on WeChat, 「美丽灵山卫」 on Weibo) and four dormant ones closed in
// 2021 (one Weibo, three WeChat). The report gives neither the closed accounts' names nor
// any opening dates: those below are DEMO VALUES, chosen to be plausible, and the closed
// accounts never appear on public pages.
import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agency.js';
import type { CommandContext } from '../commands/command.js';
import type { Platform } from './new-media.js';
import { rowToAccount } from './new-media-repository.js';

interface DemoAccount {
  platform: Platform;
  name: string;
  openedOn: string;
  closedOn?: string;
}

const CLOSE_REASON = '长期未更新的“僵尸”账号，按照区政务公开科政务新媒体监管专题会议要求清查注销';

export const DEMO_NEW_MEDIA: readonly DemoAccount[] = [
  { platform: 'wechat', name: '卫 您好', openedOn: '2015-06-01' },
  { platform: 'weibo', name: '美丽灵山卫', openedOn: '2013-03-15' },
  {
    platform: 'weibo',
    name: '灵山卫街道发布（演示）',
    openedOn: '2013-09-01',
    closedOn: '2021-09-30',
  },
  {
    platform: 'wechat',
    name: '灵山卫社区服务（演示）',
    openedOn: '2016-04-01',
    closedOn: '2021-09-30',
  },
  {
    platform: 'wechat',
    name: '灵山卫便民信息（演示）',
    openedOn: '2016-10-10',
    closedOn: '2021-09-30',
  },
  {
    platform: 'wechat',
    name: '灵山卫文明实践（演示）',
    openedOn: '2018-05-20',
    closedOn: '2021-09-30',
  },
];

/** Creates the demo accounts, or resets them to these values (matched by platform and name). */
export async function seedNewMediaDemo(ctx: CommandContext, agency: Agency): Promise<void> {
  const now = ctx.now.toISOString();
  for (const demo of DEMO_NEW_MEDIA) {
    const values = {
      agency_id: agency.id,
      platform: demo.platform,
      platform_other: null,
      name: demo.name,
      operator: agency.fullName,
      opened_on: demo.openedOn,
      status: demo.closedOn ? 'closed' : 'active',
      closed_on: demo.closedOn ?? null,
      close_reason: demo.closedOn ? CLOSE_REASON : null,
      updated_at: now,
    };
    const existing = await ctx.trx
      .selectFrom('new_media_accounts')
      .selectAll()
      .where('agency_id', '=', agency.id)
      .where('platform', '=', demo.platform)
      .where('name', '=', demo.name)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    if (existing)
      await ctx.trx.updateTable('new_media_accounts').set(values).where('id', '=', id).execute();
    else
      await ctx.trx
        .insertInto('new_media_accounts')
        .values({ id, created_at: now, ...values })
        .execute();
    ctx.record({
      agencyId: agency.id,
      subjectType: 'new_media_account',
      subjectId: id,
      action: existing ? 'demo.new_media.refresh' : 'demo.new_media.create',
      before: existing ? rowToAccount(existing) : undefined,
      after: rowToAccount({ id, created_at: existing?.created_at ?? now, ...values }),
    });
  }
}
