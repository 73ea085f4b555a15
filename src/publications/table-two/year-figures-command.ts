// Entering a year's table 二 figures and channel counts: one command, one audit event with
// what was there before and what is there now.
import { runCommand, type ServiceDeps } from '../../commands/command.js';
import type { Actor } from '../../commands/actor.js';
import { ok, type Result } from '../../commands/result.js';
import type { YearFiguresInput } from './year-figures.js';
import { getYearFigures, replaceYearFigures } from './year-figures-repository.js';

export const YEAR_FIGURES_SUBJECT = 'publication_year_figures';

export function saveYearFigures(
  deps: ServiceDeps,
  actor: Actor,
  agencyId: string,
  year: number,
  input: YearFiguresInput,
): Promise<Result<YearFiguresInput>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getYearFigures(ctx.trx, agencyId, year);
    await replaceYearFigures(ctx.trx, agencyId, year, input, {
      label: actor.label,
      at: ctx.now.toISOString(),
    });
    const after = await getYearFigures(ctx.trx, agencyId, year);
    ctx.record({
      agencyId,
      subjectType: YEAR_FIGURES_SUBJECT,
      subjectId: `${agencyId}:${year}`,
      action: 'publication.year_figures',
      before: { year, ...before },
      after: { year, ...after },
    });
    return ok(after);
  });
}
