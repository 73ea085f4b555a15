// A re-check round (清查) at any size: its entries a page at a time, filtered by outcome and
// searched by title, 索引号 or 文号, with the count of each outcome; the reviewer checks the
// items still to check and keeps them (继续公开) with one opinion, or opens an item's own page
// to withdraw it. Every link and form carries the list's query (`back`), so an action returns
// to the same page of the same filter.
import { beijingTime } from '../../audit/audit-labels.js';
import type { Page } from '../../db/paginate.js';
import { DataTable, ListProblems } from '../../web/data-table.js';
import {
  ErrorSummary,
  fieldId,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import type { Direction } from '../../web/list-query.js';
import { NoticeBanner } from '../../web/notice.js';
import { Pager } from '../../web/pager.js';
import { chineseDateOf } from '../dates.js';
import {
  itemPath,
  recheckItemPath,
  recheckKeepPath,
  recheckPath,
  RECHECKS_PATH,
} from '../paths.js';
import {
  MAX_BULK_KEEP,
  RECHECK_OUTCOME_LABELS,
  RECHECK_OUTCOMES,
  recheckOutcomeOf,
  UNDECIDED_TEXT,
  type RecheckOutcome,
} from '../recheck-outcome.js';
import type { Recheck, RecheckEntry } from '../repository.js';

/** What the bulk form carried when it was refused: shown again with the message. */
export interface BulkKeepForm {
  values: { items: string[]; opinion: string };
  errors: FieldErrors;
}

export interface RecheckRoundProps {
  round: Recheck;
  page: Page<RecheckEntry>;
  counts: Record<RecheckOutcome, number>;
  filters: { outcome?: RecheckOutcome | undefined; q?: string | undefined };
  problems: string[];
  direction: Direction;
  hrefFor(changes: {
    page?: number;
    sort?: 'published';
    direction?: Direction;
    filters?: { outcome?: string | undefined };
  }): string;
  /** This view's query (page, filter, search, order), carried in links and forms as `back`. */
  back: string;
  canDecide: boolean;
  bulk: BulkKeepForm | null;
  notice: string | null;
}

/** `href` with this view's query as `back`. */
const withBack = (href: string, back: string) =>
  back ? `${href}?back=${encodeURIComponent(back)}` : href;

export function FindingText({ entry }: { entry: RecheckEntry }) {
  const outcome = recheckOutcomeOf(entry.decision, entry.publication.state);
  if (outcome === 'pending' || outcome === 'other') return <>{UNDECIDED_TEXT[outcome]}</>;
  return (
    <>
      {RECHECK_OUTCOME_LABELS[outcome]}（{entry.decidedByLabel}，
      {entry.decidedAt ? beijingTime(entry.decidedAt) : ''}）：{entry.opinion}
    </>
  );
}

function OutcomeLinks(p: RecheckRoundProps) {
  const all = RECHECK_OUTCOMES.reduce((n, o) => n + p.counts[o], 0);
  const current = p.filters.outcome;
  return (
    <ul class="inline-links" aria-label="按清查结论查看">
      <li>
        <a
          href={p.hrefFor({ filters: { outcome: undefined } })}
          aria-current={current ? undefined : 'true'}
        >
          全部（{all}）
        </a>
      </li>
      {RECHECK_OUTCOMES.map((o) => (
        <li>
          <a
            href={p.hrefFor({ filters: { outcome: o } })}
            aria-current={current === o ? 'true' : undefined}
          >
            {RECHECK_OUTCOME_LABELS[o]}（{p.counts[o]}）
          </a>
        </li>
      ))}
    </ul>
  );
}

function EntryTable(p: RecheckRoundProps & { selectable: boolean }) {
  const chosen = new Set(p.bulk?.values.items ?? []);
  const pending = (e: RecheckEntry) =>
    recheckOutcomeOf(e.decision, e.publication.state) === 'pending';
  return (
    <DataTable<RecheckEntry, 'published'>
      caption={`清查信息（${p.filters.outcome ? RECHECK_OUTCOME_LABELS[p.filters.outcome] : '全部'}）`}
      rows={p.page.rows}
      empty="没有符合条件的信息。"
      sorting={{ sort: 'published', direction: p.direction, hrefFor: p.hrefFor }}
      columns={[
        ...(p.selectable
          ? [
              {
                label: '选择',
                cell: (e: RecheckEntry) =>
                  pending(e) ? (
                    <label class="choice">
                      <input
                        type="checkbox"
                        name="items"
                        value={e.publication.id}
                        checked={chosen.has(e.publication.id)}
                      />
                      <span class="visually-hidden">选择：{e.publication.title}</span>
                    </label>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
        {
          label: '标题',
          cell: (e) => <a href={itemPath(e.publication.id)}>{e.publication.title}</a>,
        },
        { label: '索引号', cell: (e) => e.publication.indexNumber ?? '—' },
        { label: '文号', cell: (e) => e.publication.documentNumber || '—' },
        {
          label: '发布日期',
          cell: (e) => (e.publication.publishedOn ? chineseDateOf(e.publication.publishedOn) : '—'),
          sortKey: 'published',
        },
        { label: '清查结论', cell: (e) => <FindingText entry={e} /> },
        ...(p.canDecide
          ? [
              {
                label: '操作',
                cell: (e: RecheckEntry) =>
                  pending(e) ? (
                    <a href={withBack(recheckItemPath(p.round.id, e.publication.id), p.back)}>
                      核查或撤回<span class="visually-hidden">：{e.publication.title}</span>
                    </a>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function RecheckRoundPage(p: RecheckRoundProps) {
  const { round } = p;
  const errors = p.bulk?.errors ?? {};
  const selectable =
    p.canDecide &&
    p.page.rows.some((e) => recheckOutcomeOf(e.decision, e.publication.state) === 'pending');
  return (
    <ConsolePage title={round.title} errorSummary={<ErrorSummary errors={errors} />}>
      <NoticeBanner message={p.notice} />
      <p>
        <a href={RECHECKS_PATH}>返回清查记录</a>
      </p>
      <p>
        {beijingTime(round.createdAt)}由{round.createdByLabel}发起，共 {round.total} 条，已核查{' '}
        {round.decided} 条{round.completedAt ? `，${beijingTime(round.completedAt)}完成` : ''}。
      </p>
      <OutcomeLinks {...p} />
      <ListProblems problems={p.problems} />
      <form method="get" action={recheckPath(round.id)} class="form" aria-label="查找清查信息">
        <SelectField
          name="outcome"
          label="清查结论"
          value={p.filters.outcome ?? ''}
          emptyLabel="全部"
          options={RECHECK_OUTCOMES.map((o) => ({ value: o, label: RECHECK_OUTCOME_LABELS[o] }))}
        />
        <TextField
          name="q"
          label="标题、索引号或文号"
          type="search"
          value={p.filters.q ?? ''}
          hint="包含所填文字的信息"
        />
        <SubmitButton secondary>查找</SubmitButton>
      </form>
      {selectable ? (
        <PostForm action={recheckKeepPath(round.id)} label="所选信息继续公开">
          <input type="hidden" name="back" value={p.back} />
          <fieldset
            class={errors.items ? 'field has-error' : 'field'}
            id={fieldId('items')}
            aria-invalid={errors.items ? 'true' : undefined}
            aria-describedby={errors.items ? `${fieldId('items')}-error` : undefined}
          >
            <legend>勾选核查后仍宜公开的信息（每次最多 {MAX_BULK_KEEP} 条）</legend>
            {errors.items ? (
              <span class="error-text" id={`${fieldId('items')}-error`}>
                <span class="visually-hidden">错误：</span>
                {errors.items}
              </span>
            ) : null}
            <EntryTable {...p} selectable />
          </fieldset>
          <TextArea
            name="opinion"
            label="清查意见"
            required
            rows={2}
            value={p.bulk?.values.opinion ?? ''}
            error={errors.opinion}
            hint="记入所勾选的每一条信息；需要撤回的信息请点“核查或撤回”逐条处理"
          />
          <SubmitButton>所选信息继续公开</SubmitButton>
        </PostForm>
      ) : (
        <EntryTable {...p} selectable={false} />
      )}
      <Pager
        total={p.page.total}
        page={p.page.page}
        pageCount={p.page.pageCount}
        hrefFor={p.hrefFor}
      />
    </ConsolePage>
  );
}
