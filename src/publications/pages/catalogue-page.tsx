// The public catalogue of an agency (法定主动公开内容): published items, newest first, browsed
// by category, subject, year and validity; paginated with plain links, no JavaScript.
import type { Agency } from '../../agencies/agency.js';
import type { Page } from '../../db/paginate.js';
import { EmptyColumnNote } from '../../portal/empty-note.js';
import { SelectField, SubmitButton, TextField } from '../../web/forms.js';
import type { Child } from 'hono/jsx';
import { PortalPage, portalColumn } from '../../web/layout.js';
import { Pager } from '../../web/pager.js';
import {
  ARTICLE_20_ITEMS,
  categoriesFor,
  CN_ORDINALS,
  SUBJECTS,
  VALIDITIES,
  VALIDITY_LABELS,
  type CatalogueEntry,
} from '../item.js';
import { catalogueCards } from './catalogue-cards.js';
import { keptFragment } from '../../web/kept-fragments.js';
import { feedPath, SITEMAP_PATH } from '../feeds/paths.js';

export interface CatalogueFilters {
  category?: string;
  subject?: string;
  year?: string;
  validity?: string;
}

/** 第二十一条's sentence for the agency's level, or null. */
function article21(agency: Agency): string | null {
  if (agency.level === 'township')
    return '乡（镇）人民政府（含街道办事处）还应当重点公开农业农村政策落实、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息（《条例》第二十一条）。';
  if (agency.level === 'city' || agency.level === 'county')
    return '设区的市级、县级人民政府及其部门还应当重点公开市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息（《条例》第二十一条）。';
  return null;
}

export function CataloguePage(p: {
  agency: Agency;
  now: Date;
  page: Page<CatalogueEntry>;
  filters: CatalogueFilters;
  years: number[];
  /** Whether the site's address is configured, so that a sitemap can be offered. */
  sitemap: boolean;
  problems: string[];
  hrefFor(changes: { page: number }): string;
  /** The search query and its results, when the visitor searched (they replace the list). */
  query: string;
  search: Child | null;
}) {
  const { agency, filters: f } = p;
  const filtered = Object.values(f).some(Boolean);
  return (
    <PortalPage
      title="法定主动公开内容"
      agency={agency}
      column={portalColumn('/catalogue')}
      links={[
        {
          rel: 'alternate',
          type: 'application/atom+xml',
          href: feedPath(agency.slug),
          title: `${agency.shortName}法定主动公开内容（Atom）`,
        },
        ...(p.sitemap ? [{ rel: 'sitemap', type: 'application/xml', href: SITEMAP_PATH }] : []),
      ]}
    >
      <p>
        本栏目发布{agency.fullName}
        依法应当主动公开的政府信息，按本机关主动公开基本目录分类编排。每条信息标注索引号、名称、发布机构、成文日期和发布日期。
      </p>
      {p.problems.length > 0 ? (
        <div class="notice warn">
          <p>以下筛选条件有误，已忽略：{p.problems.join('；')}。</p>
        </div>
      ) : null}
      <form
        method="get"
        action={`/agencies/${agency.slug}/catalogue`}
        class="form"
        role="search"
        aria-label="检索政府信息"
      >
        <TextField
          name="q"
          label="检索"
          type="search"
          value={p.query}
          maxlength={100}
          hint="标题、文号、索引号、内容概述和正文；多个词用空格分开"
        />
        <SubmitButton>检索</SubmitButton>
      </form>
      {p.search ?? (
        <>
          <CatalogueFilterForm agency={agency} filters={f} years={p.years} />
          {p.page.total === 0 ? (
            filtered ? (
              <p>没有符合筛选条件的政府信息，请放宽条件后再试。</p>
            ) : (
              <EmptyColumnNote now={p.now} what="本栏目暂无已发布的政府信息" />
            )
          ) : (
            <>
              <h2>{filtered ? '筛选结果' : '最新发布'}</h2>
              {catalogueCards(agency, p.page.rows)}
              <Pager
                total={p.page.total}
                page={p.page.page}
                pageCount={p.page.pageCount}
                hrefFor={p.hrefFor}
              />
            </>
          )}
        </>
      )}
      <CatalogueFoot agency={agency} sitemap={p.sitemap} />
    </PortalPage>
  );
}

/** The filter form: the same for every page with the same filters (kept: decision 0032). */
function CatalogueFilterForm(p: { agency: Agency; filters: CatalogueFilters; years: number[] }) {
  const { agency, filters: f } = p;
  const inputs = [agency.slug, agency.level, f.category, f.subject, f.year, f.validity, p.years];
  return keptFragment('catalogue-filters', inputs, () => (
    <form
      method="get"
      action={`/agencies/${agency.slug}/catalogue`}
      class="form"
      aria-label="筛选政府信息"
    >
      <SelectField
        name="category"
        label="公开类别"
        value={f.category ?? ''}
        emptyLabel="全部类别"
        options={categoriesFor(agency.level).map((c) => ({ value: c.code, label: c.label }))}
      />
      <SelectField
        name="subject"
        label="主题分类"
        value={f.subject ?? ''}
        emptyLabel="全部主题"
        options={SUBJECTS.map((s) => ({ value: s, label: s }))}
      />
      <SelectField
        name="year"
        label="发布年份"
        value={f.year ?? ''}
        emptyLabel="全部年份"
        options={p.years.map((y) => ({ value: String(y), label: `${y}年` }))}
      />
      <SelectField
        name="validity"
        label="有效性"
        value={f.validity ?? ''}
        emptyLabel="全部"
        options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
      />
      <SubmitButton secondary>筛选</SubmitButton>
    </form>
  ));
}

/** The 第二十条 list and the subscription links under the list, the same on every page (kept). */
function CatalogueFoot({ agency, sitemap }: { agency: Agency; sitemap: boolean }) {
  const extra = article21(agency);
  const inputs = [agency.slug, agency.shortName, agency.level, sitemap];
  return keptFragment('catalogue-foot', inputs, () => (
    <>
      <h2>法定主动公开的内容</h2>
      <p>
        依照《中华人民共和国政府信息公开条例》第二十条，行政机关应当主动公开本行政机关的下列政府信息：
      </p>
      <ul class="article-items">
        {ARTICLE_20_ITEMS.map((item, i) => (
          <li>
            （{CN_ORDINALS[i]}）{item}
            {i === ARTICLE_20_ITEMS.length - 1 ? '。' : '；'}
          </li>
        ))}
      </ul>
      {extra ? <p>{extra}</p> : null}
      <h2>订阅与网站地图</h2>
      <ul>
        <li>
          <a href={feedPath(agency.slug)} type="application/atom+xml">
            订阅本栏目最新发布的信息（Atom）
          </a>
          <span class="muted">：把这个网址添加到阅读器，即可收到新发布的信息</span>
        </li>
        {sitemap ? (
          <li>
            <a href={SITEMAP_PATH} type="application/xml">
              网站地图（sitemap.xml）
            </a>
          </li>
        ) : null}
      </ul>
    </>
  ));
}
