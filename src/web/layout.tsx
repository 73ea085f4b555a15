// Page layouts. Server-rendered, zh-CN, usable without JavaScript and without inline
// scripts or styles (the CSP forbids them): every page links the one versioned stylesheet,
// honours the reader's display setting, and has the same landmarks and skip link.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { tryGetContext } from 'hono/context-storage';
import type { Context } from 'hono';
import { getAgencyById, listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { csrfTokenOf } from '../auth/csrf.js';
import { agencyScope, hasPermission } from '../auth/policy.js';
import { roleLabel } from '../auth/roles.js';
import { currentNavHref, navFor } from '../console/nav.js';
import {
  DISPLAY_LABELS,
  displayClass,
  displayHref,
  displayModeOf,
  type DisplayMode,
} from './display.js';
import type { AppEnv, StaffSession } from './env.js';
import { phoneLinks } from '../portal/tel.js';
import { ICP_LOOKUP_URL, psbLookupUrl, EMPTY_IDENTITY } from '../portal/site-identity.js';
import { CONSOLE_NAME, PLATFORM_NAME, type SiteInfo } from './site.js';
import { stylesheetHref } from './static-assets.js';
import { keptFragment } from './kept-fragments.js';

/** Where the sign-out form posts. */
export const LOGOUT_PATH = '/console/logout';
/** Where the supervisors' agency switcher posts (field `agencyId`). */
export const AGENCY_SWITCH_PATH = '/console/agency';

export interface PageProps {
  title: string;
  children?: Child;
}

/** A `<meta name=… content=…>` page tag (页面标签). */
export type PageTags = Record<string, string | null | undefined>;

/** A `<link>` in the head: a feed (rel="alternate"), the canonical address, the sitemap. */
export interface PageLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
}

interface DocumentProps extends PageProps {
  /** Page tags for monitoring tools (SiteName, ColumnName, …); empty values are left out. */
  tags?: PageTags;
  description?: string;
  links?: readonly PageLink[];
  /** Whether the head is the same on every view of the page, so it may be kept. */
  keepHead?: boolean;
}

function context(): Context<AppEnv> | undefined {
  return tryGetContext<AppEnv>();
}

function currentDisplay(): DisplayMode {
  const c = context();
  return c ? displayModeOf(c) : 'standard';
}

function currentPath(): string {
  const c = context();
  if (!c) return '/';
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** The base document: every page goes through here. */
export function Document({ children, ...head }: DocumentProps) {
  const cls = displayClass(currentDisplay());
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN" class={cls || undefined}>
        <head>
          <DocumentHead {...head} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            跳到主要内容
          </a>
          {children}
        </body>
      </html>
    </>
  );
}

/**
 * The head's content, kept (decision 0032) when the page says so: a column page's is the same
 * for every view of it. Not an item's (its own title and article tags: a million items would
 * only push the shared fragments out), nor a console page's (its title may name a case or a
 * person, which should not outlive the request in memory).
 */
function DocumentHead(p: Omit<DocumentProps, 'children'>) {
  const { title, tags, description, links, keepHead } = p;
  const named = Object.entries(tags ?? {}).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
  );
  const head = () => (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description ? <meta name="description" content={description} /> : null}
      {named.map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <link rel="stylesheet" href={stylesheetHref} />
      {(links ?? []).map((l) => (
        <link rel={l.rel} href={l.href} type={l.type} title={l.title} />
      ))}
    </>
  );
  if (!keepHead) return head();
  return keptFragment('document-head', [title, named, description, links, stylesheetHref], head);
}

/** The 字号 / 长辈版 links. Plain links: they work without JavaScript. */
export function DisplaySettings() {
  const mode = currentDisplay();
  const back = currentPath();
  const modes: DisplayMode[] = ['standard', 'large', 'elder'];
  return (
    <div class="display-settings">
      <ul aria-label="显示设置">
        {modes.map((m) => (
          <li>
            <a href={displayHref(m, back)} aria-current={m === mode ? 'true' : undefined}>
              {m === 'elder' && mode === 'elder' ? '长辈版（当前）' : DISPLAY_LABELS[m]}
            </a>
          </li>
        ))}
        {mode === 'elder' ? (
          <li>
            <a href={displayHref('standard', back)}>退出长辈版</a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------
// Public portal

/** What a portal page needs to know about the agency whose column it shows. */
export interface PortalAgency {
  slug: string;
  fullName: string;
  shortName: string;
}

/** A first-level column of an agency's 政府信息公开 专栏. */
export interface PortalColumn {
  /** Path below /agencies/:slug ('' for the column home). */
  path: string;
  name: string;
  description: string;
  /** ColumnType page tag. */
  type: string;
}

/** The column home, the four first-level columns of 国办公开办函〔2019〕61号, and 依申请公开. */
export const PORTAL_COLUMNS: readonly PortalColumn[] = [
  { path: '', name: '政府信息公开', description: '本机关政府信息公开专栏首页', type: '专栏首页' },
  {
    path: '/guide',
    name: '政府信息公开指南',
    description:
      '政府信息的分类与编排、获取方式，政府信息公开工作机构的名称、地址、办公时间、联系方式，申请办理、收费与救济途径',
    type: '指南',
  },
  {
    path: '/rules',
    name: '政府信息公开制度',
    description: '本机关主动公开、依申请公开、保密审查、年度报告等政府信息公开工作制度',
    type: '制度',
  },
  {
    path: '/catalogue',
    name: '法定主动公开内容',
    description: '依照《中华人民共和国政府信息公开条例》第二十条、第二十一条应当主动公开的政府信息',
    type: '目录',
  },
  {
    path: '/reports',
    name: '政府信息公开工作年度报告',
    description: '本机关历年政府信息公开工作年度报告',
    type: '年报',
  },
  {
    path: '/requests',
    name: '依申请公开',
    description: '向本机关申请获取政府信息的方式、渠道与办理期限',
    type: '依申请公开',
  },
];

export function portalColumn(path: string): PortalColumn {
  return PORTAL_COLUMNS.find((col) => col.path === path) ?? (PORTAL_COLUMNS[0] as PortalColumn);
}

interface PortalPageProps extends PageProps {
  agency?: PortalAgency;
  /** The column this page belongs to (sets the page tags and marks the navigation). */
  column?: PortalColumn;
  /** Extra keywords for the ColumnKeywords tag. */
  keywords?: string;
  /** The page's own tags (an article's ArticleTitle, PubDate, …), after the column's. */
  meta?: PageTags;
  /** The `description` tag (the 指引's Description): the column's description when absent. */
  description?: string;
  links?: readonly PageLink[];
}

/** The site data of this request, set by the portal's `siteInfo` middleware. */
function currentSite(): SiteInfo {
  const c = context();
  if (!c) return { host: null, siteName: PLATFORM_NAME, domain: null, identity: EMPTY_IDENTITY };
  const site = c.get('site');
  // A portal route without the middleware is a programming error: fail loudly rather than
  // show a page with the wrong 主办单位.
  if (!site) throw new Error('portal page rendered without the siteInfo middleware');
  return site;
}

/**
 * Public portal page: site header, the agency's column navigation, breadcrumbs, footer.
 * Synchronous: its data is on the context before rendering starts, so the page renders in
 * one pass without waiting on promises.
 */
export function PortalPage({
  title,
  agency,
  column,
  keywords,
  meta,
  description,
  links,
  children,
}: PortalPageProps) {
  const site = currentSite();
  const tags: PageTags = {
    SiteName: site.siteName,
    SiteDomain: site.domain,
    SiteIDCode: site.identity.siteIdCode,
    ColumnName: column
      ? agency && column.path === ''
        ? `${agency.fullName}政府信息公开`
        : column.name
      : '部门目录',
    ColumnDescription: column ? column.description : '本平台各机关政府信息公开专栏目录',
    ColumnKeywords: [agency?.fullName, column?.name ?? '政府信息公开', keywords]
      .filter(Boolean)
      .join(','),
    ColumnType: column ? column.type : '目录',
    ...meta,
  };
  const pageTitle = agency
    ? `${title} - ${agency.shortName} - ${site.siteName}`
    : `${title} - ${site.siteName}`;
  return (
    <Document
      title={pageTitle}
      tags={tags}
      description={description ?? tags.ColumnDescription ?? undefined}
      links={links}
    >
      <header class="site-header">
        <div class="wrap">
          <p class="site-title">
            <a href="/">
              {site.siteName}
              <small>{PLATFORM_NAME}</small>
            </a>
          </p>
          <DisplaySettings />
        </div>
      </header>
      <PortalNavigation agency={agency} column={column} />
      <div class="wrap">
        <Breadcrumbs agency={agency} column={column} title={title} />
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </div>
      <SiteFooter site={site} />
    </Document>
  );
}

/** The column navigation, the same on every page of a column (kept: decision 0032). */
function PortalNavigation({ agency, column }: { agency?: PortalAgency; column?: PortalColumn }) {
  const navLabel = agency ? `${agency.shortName}政府信息公开栏目` : '网站导航';
  const inputs = [agency?.slug, agency?.shortName, column?.path];
  return keptFragment('portal-navigation', inputs, () => (
    <>
      {/* Two renderings of the one list of links, one shown by width (the other is display:none,
          so neither readers nor screen readers meet it twice): a bar on wide screens, and on
          phones a menu that opens without JavaScript, so the first screen shows the content. */}
      <nav class="site-nav wide-only" aria-label={navLabel}>
        <div class="wrap">
          <ColumnLinks agency={agency} column={column} />
        </div>
      </nav>
      <details class="site-menu narrow-only">
        <summary>
          <span>栏目导航</span>
        </summary>
        <nav class="site-nav" aria-label={navLabel}>
          <div class="wrap">
            <ColumnLinks agency={agency} column={column} />
          </div>
        </nav>
      </details>
    </>
  ));
}

/** Not kept: on an item's page the last crumb is the item's title, one of a million. */
function Breadcrumbs(p: { agency?: PortalAgency; column?: PortalColumn; title: string }) {
  const { agency, column, title } = p;
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        <li>
          <a href="/">部门目录</a>
        </li>
        {agency ? (
          <li>
            <a href={`/agencies/${agency.slug}`}>{agency.fullName}</a>
          </li>
        ) : null}
        {agency && column && column.path !== '' ? <li aria-current="page">{title}</li> : null}
      </ol>
    </nav>
  );
}

function ColumnLinks({ agency, column }: { agency?: PortalAgency; column?: PortalColumn }) {
  const base = agency ? `/agencies/${agency.slug}` : '';
  return (
    <ul>
      {agency ? (
        PORTAL_COLUMNS.map((col) => (
          <li>
            <a
              href={`${base}${col.path}`}
              aria-current={column?.path === col.path ? 'page' : undefined}
            >
              {col.path === '' ? '专栏首页' : col.name}
            </a>
          </li>
        ))
      ) : (
        <li>
          <a href="/" aria-current={column ? undefined : 'page'}>
            部门目录
          </a>
        </li>
      )}
    </ul>
  );
}

/** The footer, the same on every page of the site (kept: decision 0032). */
function SiteFooter({ site }: { site: SiteInfo }) {
  const host = site.host;
  const inputs = [host?.fullName, host?.office.address, host?.office.phone, site.identity];
  return keptFragment('site-footer', inputs, () => <SiteFooterContent site={site} />);
}

function SiteFooterContent({ site }: { site: SiteInfo }) {
  const host = site.host;
  const id = site.identity;
  const psbHref = id.psbNumber ? psbLookupUrl(id.psbNumber) : null;
  return (
    <footer class="site-footer">
      <div class="wrap">
        {host ? (
          <>
            <p>主办单位：{host.fullName}</p>
            {host.office.address || host.office.phone ? (
              <p>
                {host.office.address ? `地址：${host.office.address}` : ''}
                {host.office.address && host.office.phone ? '　' : ''}
                {host.office.phone ? (
                  <>
                    电话：
                    {phoneLinks(host.office.phone).map((p, i) => (
                      <>
                        {i > 0 ? '、' : null}
                        {p.href ? <a href={p.href}>{p.text}</a> : p.text}
                      </>
                    ))}
                  </>
                ) : null}
              </p>
            ) : null}
          </>
        ) : (
          <p>{PLATFORM_NAME}</p>
        )}
        {id.siteIdCode || id.icpNumber || id.psbNumber ? (
          <ul class="site-identity">
            {id.siteIdCode ? <li>网站标识码：{id.siteIdCode}</li> : null}
            {id.icpNumber ? (
              <li>
                <a href={ICP_LOOKUP_URL} rel="noopener">
                  {id.icpNumber}
                </a>
              </li>
            ) : null}
            {id.psbNumber ? (
              <li>
                {psbHref ? (
                  <a href={psbHref} rel="noopener">
                    {id.psbNumber}
                  </a>
                ) : (
                  id.psbNumber
                )}
              </li>
            ) : null}
          </ul>
        ) : null}
        <p>
          <a href="/accessibility">无障碍说明</a>　<a href="/api/openapi.json">开放数据接口说明</a>
        </p>
      </div>
    </footer>
  );
}

// ---------------------------------------------------------------------------------------
// Staff console

interface ConsolePageProps extends PageProps {
  /** Defaults to the signed-in account of the current request. */
  staff?: StaffSession | null;
  /** A form's error summary, shown first in <main> (before the heading) so it is seen. */
  errorSummary?: Child;
}

/** Staff console page: header with the agency and account, navigation by role, content in <main>. */
export function ConsolePage({ title, staff, errorSummary, children }: ConsolePageProps) {
  const c = context();
  const who = staff === undefined ? (c?.get('staff') ?? null) : staff;
  const path = c ? new URL(c.req.url).pathname : '/console';
  const items = who ? navFor(who.roles, c?.get('consoleNav') ?? []) : [];
  const active = currentNavHref(path, items);
  return (
    <Document title={`${title} - ${CONSOLE_NAME}`}>
      {/* Only a signed-in header needs the database; the sign-in page renders without waiting. */}
      {who && c ? (
        <StaffConsoleHeader who={who} c={c} path={path} />
      ) : (
        <ConsoleHeader who={who} agency={null} switchable={[]} csrf="" path={path} />
      )}
      {items.length > 0 ? (
        <nav class="site-nav console-nav" aria-label="工作台导航">
          <div class="wrap">
            <ul>
              {items.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.href === active ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
      <div class="wrap">
        <main id="main" tabindex={-1}>
          {errorSummary}
          <h1>{title}</h1>
          {children}
        </main>
      </div>
      <footer class="site-footer">
        <div class="wrap">
          <p>
            {CONSOLE_NAME}　<a href="/">返回门户</a>　<a href="/accessibility">无障碍说明</a>
          </p>
        </div>
      </footer>
    </Document>
  );
}

async function StaffConsoleHeader({
  who,
  c,
  path,
}: {
  who: StaffSession;
  c: Context<AppEnv>;
  path: string;
}) {
  const db = c.get('deps').db.kysely;
  const agency = await getAgencyById(db, who.currentAgencyId);
  let switchable: Agency[] = [];
  // Supervisors (and administrators) may work on the agencies below their own.
  if (hasPermission(who, 'agency.switch')) {
    const scope = await agencyScope(db, who);
    if (scope.read.size > 1)
      switchable = (await listAgencies(db)).filter((a) => scope.read.has(a.id));
  }
  return (
    <ConsoleHeader
      who={who}
      agency={agency}
      switchable={switchable}
      csrf={csrfTokenOf(c)}
      path={path}
    />
  );
}

function ConsoleHeader({
  who,
  agency,
  switchable,
  csrf,
  path,
}: {
  who: StaffSession | null;
  agency: Agency | null;
  switchable: Agency[];
  csrf: string;
  path: string;
}) {
  return (
    <header class="site-header console-header">
      <div class="wrap">
        <p class="site-title">
          <a href={who ? '/console' : '/console/login'}>
            {CONSOLE_NAME}
            {agency ? <small>当前机关：{agency.fullName}</small> : null}
          </a>
        </p>
        <DisplaySettings />
        {who ? (
          <div class="console-bar">
            <span>
              {who.displayName}（{who.roles.map(roleLabel).join('、') || '无角色'}）
            </span>
            {switchable.length > 1 ? (
              <form method="post" action={AGENCY_SWITCH_PATH}>
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="next" value={path} />
                <label for="agency-switch">切换机关</label>
                <select id="agency-switch" name="agencyId">
                  {switchable.map((a) => (
                    <option value={a.id} selected={a.id === who.currentAgencyId}>
                      {a.fullName}
                    </option>
                  ))}
                </select>
                <button type="submit" class="secondary">
                  切换
                </button>
              </form>
            ) : null}
            <form method="post" action={LOGOUT_PATH}>
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="link-button">
                退出登录
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
