// The findings of the report engine as a list where each item links to the place to fix:
// the section's text field, or the table.
import { SEVERITY_LABELS } from '../../reports/checks/labels.js';
import type { Finding } from '../../reports/model.js';
import { sectionField } from '../edit-form.js';
import { fieldId } from '../../web/forms.js';

export function anchorOf(f: Finding, typedTables: readonly string[]): string | null {
  if (f.section && (f.code === 'NARRATIVE_MISMATCH' || !f.table))
    return `#${fieldId(sectionField(f.section))}`;
  if (f.table) return typedTables.includes(f.table) ? `#typed-${f.table}` : `#table-${f.table}`;
  return null;
}

export function FindingsList(props: {
  findings: readonly Finding[];
  typedTables: readonly string[];
  /** Whether each item links to the editor's field (false where there is no editor). */
  links?: boolean;
}) {
  const { findings } = props;
  if (findings.length === 0)
    return <p class="notice ok">检查未发现问题：各表勾稽关系一致，正文所述数字与表格相符。</p>;
  return (
    <ol class="findings">
      {findings.map((f) => {
        const href = props.links === false ? null : anchorOf(f, props.typedTables);
        return (
          <li class={f.severity === 'error' ? 'finding-error' : 'finding-warning'}>
            <strong>{SEVERITY_LABELS[f.severity]}</strong>（{f.code}）：{f.message}
            {href ? (
              <>
                {' '}
                <a href={href}>去修改</a>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
