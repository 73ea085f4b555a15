// The console page where the office enters a year's table 二 figures (行政许可, 行政处罚,
// 行政强制 decisions; 行政事业性收费 in 万元), each with its source, and the hand counts of
// posts per channel that are not catalogue items; beside it, table 二 as computed.
import { Hono, type Context } from 'hono';
import { authorize } from '../../auth/policy.js';
import { actorOf } from '../../commands/actor.js';
import { isoDateCst } from '../../portal/dates.js';
import type { AppEnv } from '../../web/env.js';
import { readForm } from '../../web/form-input.js';
import {
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../../web/notice.js';
import { CHANNEL_LABELS, CHANNELS } from '../item.js';
import { YEAR_FIGURES_PATH } from './year-figures-paths.js';
import { computeTableTwo, onlineTotal, publishedPerChannel } from './report-source.js';
import { FIGURE_LABELS, FIGURES } from './table-two.js';
import { saveYearFigures } from './year-figures-command.js';
import { figuresToForm, YEAR_FIGURE_FIELDS, yearFiguresSchema } from './year-figures.js';
import { getYearFigures, itemsPerChannel } from './year-figures-repository.js';
import type { Grid } from '../../reports/model.js';

export { YEAR_FIGURES_PATH };
const NOTICES = { saved: { '1': '已保存。年度报告表二和发布渠道条数已按新数据计算。' } };

async function editor(c: Context<AppEnv>, mode: 'read' | 'write') {
  const signedIn = await authorize(c, 'report.edit');
  return authorize(c, 'report.edit', { agencyId: signedIn.currentAgencyId, mode });
}

function yearOf(c: Context<AppEnv>, raw: string | undefined): { year: number; problem?: string } {
  const thisYear = Number(isoDateCst(c.get('deps').clock.now()).slice(0, 4));
  const fallback = thisYear - 1;
  if (raw === undefined || raw === '') return { year: fallback };
  const y = Number(raw);
  if (!/^\d{4}$/.test(raw) || y < 2008 || y > thisYear)
    return { year: fallback, problem: `年度“${raw.slice(0, 10)}”无效，已显示 ${fallback} 年` };
  return { year: y };
}

function ComputedTable({ grid, perChannel }: { grid: Grid; perChannel: Record<string, number> }) {
  const stock = (row: 'rules' | 'normative_documents', label: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{grid[row]?.issued}</td>
      <td>{grid[row]?.repealed}</td>
      <td>{grid[row]?.in_force}</td>
    </tr>
  );
  return (
    <>
      <table class="data">
        <caption>第二十条第（一）项（由目录中的信息按公开类别、体裁和有效性计算）</caption>
        <thead>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年制发件数</th>
            <th scope="col">本年废止件数</th>
            <th scope="col">现行有效件数</th>
          </tr>
        </thead>
        <tbody>
          {stock('rules', '规章')}
          {stock('normative_documents', '行政规范性文件')}
        </tbody>
      </table>
      <table class="data">
        <caption>各渠道发布条数（目录信息 + 手工统计）</caption>
        <thead>
          <tr>
            <th scope="col">渠道</th>
            <th scope="col">条数</th>
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((ch) => (
            <tr>
              <th scope="row">{CHANNEL_LABELS[ch]}</th>
              <td>{perChannel[ch] ?? 0}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">网站和新媒体合计（不含公告栏）</th>
            <td>{onlineTotal(perChannel)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

export function yearFiguresRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const render = async (
    c: Context<AppEnv>,
    agencyId: string,
    year: number,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 400 = 200,
    problem?: string,
  ) => {
    const query = { db: c.get('deps').db.kysely, agencyId, year };
    const [grid, perChannel, items] = await Promise.all([
      computeTableTwo(query),
      publishedPerChannel(query),
      itemsPerChannel(query.db, agencyId, year),
    ]);
    return c.html(
      <ConsolePage title={`${year} 年度报告数据：主动公开`}>
        <NoticeBanner message={readNotice(c, NOTICES)} />
        {problem ? <p class="notice">{problem}</p> : null}
        <form method="get" action={YEAR_FIGURES_PATH} class="inline-form">
          <label for="year">年度</label>
          <input id="year" name="year" inputmode="numeric" value={String(year)} size={6} />
          <button type="submit" class="secondary">
            查看
          </button>
        </form>
        <ComputedTable grid={grid} perChannel={perChannel} />
        <p>
          数据在统计部门的表格中？可以
          <a href={`${YEAR_FIGURES_PATH}/import`}>从 CSV 文件导入表二数据</a>。
        </p>
        <PostForm action={`${YEAR_FIGURES_PATH}?year=${year}`} label={`填报 ${year} 年数据`}>
          <ErrorSummary errors={errors} />
          <h2>表二中需填报的数据</h2>
          <p class="hint">
            留空表示未填报（年度报告中该格由办公室填写）；没有发生请填 0。每项数据都须写明来源。
          </p>
          {FIGURES.map((f) => (
            <fieldset>
              <legend>{FIGURE_LABELS[f]}</legend>
              <TextField
                name={f}
                label={f === 'fees' ? '本年收费金额（单位：万元）' : '本年处理决定数量'}
                inputmode={f === 'fees' ? 'decimal' : 'numeric'}
                value={values[f]}
                error={errors[f]}
              />
              <TextField
                name={`${f}Source`}
                label="数据来源"
                value={values[`${f}Source`]}
                error={errors[`${f}Source`]}
              />
            </fieldset>
          ))}
          <h2>不属于目录信息的发布条数（手工统计）</h2>
          <p class="hint">
            如政务微信推送的文章、微博等不作为目录信息登记的内容。目录中已登记发布渠道的信息会自动计入，不要重复填写。
          </p>
          {CHANNELS.map((ch) => (
            <fieldset>
              <legend>
                {CHANNEL_LABELS[ch]}（目录信息已计 {items[ch] ?? 0} 条）
              </legend>
              <TextField
                name={`channel_${ch}`}
                label="手工统计条数"
                inputmode="numeric"
                value={values[`channel_${ch}`]}
                error={errors[`channel_${ch}`]}
              />
              <TextField
                name={`channel_${ch}Source`}
                label="数据来源"
                value={values[`channel_${ch}Source`]}
                error={errors[`channel_${ch}Source`]}
              />
            </fieldset>
          ))}
          <SubmitButton>保存</SubmitButton>
        </PostForm>
      </ConsolePage>,
      status,
    );
  };

  app.get(YEAR_FIGURES_PATH, async (c) => {
    const staff = await editor(c, 'read');
    const { year, problem } = yearOf(c, c.req.query('year'));
    const saved = await getYearFigures(c.get('deps').db.kysely, staff.currentAgencyId, year);
    return render(c, staff.currentAgencyId, year, figuresToForm(saved), {}, 200, problem);
  });

  app.post(YEAR_FIGURES_PATH, async (c) => {
    const staff = await editor(c, 'write');
    const { year, problem } = yearOf(c, c.req.query('year'));
    const form = await readForm(c, yearFiguresSchema, { fields: YEAR_FIGURE_FIELDS });
    if (problem)
      return render(c, staff.currentAgencyId, year, form.values, { _form: problem }, 400);
    if (!form.ok) return render(c, staff.currentAgencyId, year, form.values, form.errors, 400);
    const r = await saveYearFigures(
      c.get('deps'),
      actorOf(staff),
      staff.currentAgencyId,
      year,
      form.data,
    );
    if (!r.ok) return render(c, staff.currentAgencyId, year, form.values, r.errors, 400);
    return redirectWithNotice(c, `${YEAR_FIGURES_PATH}?year=${year}`, 'saved');
  });

  return app;
}
