// The demo's 2021 channel counts of 灵山卫街道: the seed report's figures (website 179,
// WeChat 1050, Weibo 122; 1351 in all). Every catalogue item is on the portal, which is the
// 政府网站's 信息公开 column, so the website's 179 are all items (demo.ts generates the rest
// beside the realistic ones) and its hand count is 0. Some items also went out on WeChat
// and Weibo; the posts that went out only there are not catalogue items, and are entered
// as hand counts marked as demo values: items + hand counts = the seed's figures (decision
// 0019). Table 二's entered figures are the seed's zeros.
import type { Agency } from '../../agencies/agency.js';
import type { CommandContext } from '../../commands/command.js';
import { getYearFigures, itemsPerChannel, replaceYearFigures } from './year-figures-repository.js';
import { FIGURES } from './table-two.js';
import { YEAR_FIGURES_SUBJECT } from './year-figures-command.js';

export const DEMO_CHANNEL_TOTALS_2021 = { website: 179, wechat: 1050, weibo: 122 } as const;
/** How many of the 2021 catalogue items also went out on WeChat and Weibo (demo values). */
export const DEMO_ITEMS_ON_CHANNEL_2021 = { wechat: 150, weibo: 60 } as const;
const DEMO_SOURCE = '演示数据：按2021年度报告所列条数补足（非目录信息的推送、文章）';
const DEMO_ALL_ITEMS = '演示数据：本渠道的条数全部来自目录信息，无需补足';

export async function seedDemoChannelCounts(ctx: CommandContext, agency: Agency): Promise<void> {
  const year = 2021;
  const before = await getYearFigures(ctx.trx, agency.id, year);
  const items = await itemsPerChannel(ctx.trx, agency.id, year);
  const channels = Object.entries(DEMO_CHANNEL_TOTALS_2021).map(([channel, total]) => ({
    channel: channel as keyof typeof DEMO_CHANNEL_TOTALS_2021,
    count: Math.max(0, total - (items[channel] ?? 0)),
    source: total > (items[channel] ?? 0) ? DEMO_SOURCE : DEMO_ALL_ITEMS,
  }));
  // The seed reports 0 decisions and no fees for 2021.
  const figures = FIGURES.map((figure) => ({
    figure,
    value: 0,
    source: '演示数据：2021年度报告所列',
  }));
  const input = { figures, channels };
  await replaceYearFigures(ctx.trx, agency.id, year, input, {
    label: ctx.actor.label,
    at: ctx.now.toISOString(),
  });
  ctx.record({
    agencyId: agency.id,
    subjectType: YEAR_FIGURES_SUBJECT,
    subjectId: `${agency.id}:${year}`,
    action: 'publication.demo.year_figures',
    before: { year, ...before },
    after: { year, ...input },
  });
}
