// Use cases on an agency's letter templates: save an edited template as a new version, and
// reset to the shipped default (also a new version: nothing is overwritten, so the history
// says which text was in force when). Each is one runCommand call with its audit event.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { textProblem } from '../validation/text-input.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { LETTER_KIND_INFO, type LetterKind } from './kinds.js';
import {
  currentTemplate,
  insertTemplateVersion,
  type TemplateVersion,
} from './letter-repository.js';
import {
  checkTemplate,
  TEMPLATE_PART_INFO,
  TEMPLATE_PARTS,
  type LetterTemplate,
} from './template.js';

/** The template in force: the agency's newest version, or the shipped default (version 0). */
export interface EffectiveTemplate {
  kind: LetterKind;
  version: number;
  id: string | null;
  template: LetterTemplate;
  /** The agency has no version of its own, or its newest one is a reset. */
  isDefault: boolean;
}

export function effectiveTemplate(
  kind: LetterKind,
  stored: TemplateVersion | null,
): EffectiveTemplate {
  return stored
    ? {
        kind,
        version: stored.version,
        id: stored.id,
        template: stored.template,
        isDefault: stored.isDefault,
      }
    : { kind, version: 0, id: null, template: DEFAULT_TEMPLATES[kind], isDefault: true };
}

export interface SaveTemplateInput {
  agencyId: string;
  kind: LetterKind;
  template: LetterTemplate;
  /** The version the editor started from: a save on top of someone else's is refused. */
  baseVersion: number;
  note: string;
}

const VERSION_TAKEN = {
  keys: [
    {
      table: 'letter_templates',
      column: 'version',
      constraint: 'letter_templates_version_uq',
      field: '_form' as const,
    },
  ],
  taken: { _form: '就在您保存时，他人也保存了这份模板。请重新打开模板，核对后再保存。' },
};

/** The characters no stored text may hold, per part (same rule as every other input). */
function textErrors(template: LetterTemplate, note: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const part of TEMPLATE_PARTS) {
    const info = TEMPLATE_PART_INFO[part];
    const problem = textProblem(template[part], info.label, info.multiLine ? 'multi' : 'single');
    if (problem) errors[part] = problem;
  }
  const noteProblem = textProblem(note, '修改说明');
  if (noteProblem) errors.note = noteProblem;
  else if ([...note].length > 200) errors.note = '修改说明不能超过200个字';
  return errors;
}

async function storeVersion(
  deps: ServiceDeps,
  actor: Actor,
  input: SaveTemplateInput,
  isDefault: boolean,
): Promise<Result<EffectiveTemplate>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const current = effectiveTemplate(
        input.kind,
        await currentTemplate(ctx.trx, input.agencyId, input.kind),
      );
      if (current.version !== input.baseVersion) {
        return fail({
          _form: `这份模板已被他人保存为第${current.version}版（您打开的是第${input.baseVersion}版）。请重新打开模板，核对后再保存。`,
        });
      }
      const id = randomUUID();
      const version = current.version + 1;
      await insertTemplateVersion(ctx.trx, {
        id,
        agencyId: input.agencyId,
        kind: input.kind,
        version,
        template: input.template,
        isDefault,
        note: input.note.trim() === '' ? null : input.note.trim(),
        createdAt: ctx.now.toISOString(),
        createdBy: ctx.actor.id,
        createdByLabel: ctx.actor.label,
      });
      ctx.record({
        agencyId: input.agencyId,
        subjectType: 'letter_template',
        subjectId: id,
        action: isDefault ? 'letter.template.reset' : 'letter.template.save',
        before: {
          kind: LETTER_KIND_INFO[input.kind].name,
          version: current.version,
          ...current.template,
        },
        after: {
          kind: LETTER_KIND_INFO[input.kind].name,
          version,
          ...(input.note.trim() ? { note: input.note.trim() } : {}),
          ...input.template,
        },
      });
      return ok({ kind: input.kind, version, id, template: input.template, isDefault });
    },
    { unique: VERSION_TAKEN },
  );
}

/** Saves an edited template as the agency's next version, after checking it. */
export async function saveTemplate(
  deps: ServiceDeps,
  actor: Actor,
  input: SaveTemplateInput,
): Promise<Result<EffectiveTemplate>> {
  const errors = { ...textErrors(input.template, input.note) };
  if (Object.keys(errors).length === 0)
    Object.assign(errors, checkTemplate(input.kind, input.template));
  if (Object.keys(errors).length > 0) return fail(errors);
  return storeVersion(deps, actor, input, false);
}

/** Stores the shipped default as the agency's next version. */
export async function resetTemplate(
  deps: ServiceDeps,
  actor: Actor,
  input: Omit<SaveTemplateInput, 'template' | 'note'>,
): Promise<Result<EffectiveTemplate>> {
  return storeVersion(
    deps,
    actor,
    { ...input, template: DEFAULT_TEMPLATES[input.kind], note: '恢复默认模板' },
    true,
  );
}
