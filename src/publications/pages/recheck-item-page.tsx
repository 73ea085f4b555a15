// One item of a re-check round (清查): its catalogue entry and the reviewer's finding — keep
// it, or withdraw it with an opinion that becomes the public withdrawal notice. Reached from
// the round page with that page's query (`back`), to which saving or going back returns.
import {
  ChoiceGroup,
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextArea,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { itemPath, recheckItemPath } from '../paths.js';
import { recheckOutcomeOf } from '../recheck-outcome.js';
import type { Recheck, RecheckEntry } from '../repository.js';
import { MetadataBlock } from './metadata.js';
import { FindingText } from './recheck-round-page.js';

export interface RecheckItemProps {
  round: Recheck;
  entry: RecheckEntry;
  /** The round page this was opened from (its path and query). */
  roundHref: string;
  /** The round page's query, posted back with the finding. */
  back: string;
  /** What a refused finding carried. */
  failed: { values: Record<string, string>; errors: FieldErrors } | null;
}

/** The finding form's field names: the item's id in them, as the round page once had them. */
export const findingFields = (itemId: string) => ({
  decision: `decision-${itemId}`,
  opinion: `opinion-${itemId}`,
});

export function RecheckItemPage(p: RecheckItemProps) {
  const item = p.entry.publication;
  const names = findingFields(item.id);
  const pending = recheckOutcomeOf(p.entry.decision, item.state) === 'pending';
  return (
    <ConsolePage
      title={`清查：${item.title}`}
      errorSummary={p.failed ? <ErrorSummary errors={p.failed.errors} /> : undefined}
    >
      <p>
        <a href={p.roundHref}>返回{p.round.title}</a>
      </p>
      <p>
        <a href={itemPath(item.id)}>查看该信息的全部内容和办理记录</a>
      </p>
      <MetadataBlock item={item} headingId="recheck-item-metadata" />
      <section aria-labelledby="recheck-finding">
        <h2 id="recheck-finding">清查结论</h2>
        {pending ? (
          <PostForm action={recheckItemPath(p.round.id, item.id)} label={`清查 ${item.title}`}>
            <input type="hidden" name="back" value={p.back} />
            <ChoiceGroup
              name={names.decision}
              label="清查结论"
              required
              value={p.failed?.values[names.decision] ?? ''}
              error={p.failed?.errors[names.decision]}
              options={[
                { value: 'kept', label: '继续公开' },
                { value: 'withdrawn', label: '撤回（原网址显示撤回说明）' },
              ]}
            />
            <TextArea
              name={names.opinion}
              label="清查意见"
              required
              rows={3}
              value={p.failed?.values[names.opinion] ?? ''}
              error={p.failed?.errors[names.opinion]}
              hint="撤回的，此意见作为撤回说明公开显示"
            />
            <SubmitButton>保存结论</SubmitButton>
          </PostForm>
        ) : (
          <p>
            <FindingText entry={p.entry} />
          </p>
        )}
      </section>
    </ConsolePage>
  );
}
