// Changing the site identity: one command, its audit event on the system chain (the
// setting belongs to no agency).
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok, type Result } from '../commands/result.js';
import type { IdentityInput, SiteIdentity } from './site-identity.js';
import { getSiteIdentity, saveSiteIdentity } from './site-identity-repository.js';

export function updateSiteIdentity(
  deps: ServiceDeps,
  input: IdentityInput,
  actor: Actor,
): Promise<Result<SiteIdentity>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getSiteIdentity(ctx.trx);
    await saveSiteIdentity(ctx.trx, input, ctx.now.toISOString());
    ctx.record({
      agencyId: null,
      subjectType: 'site_settings',
      subjectId: 'identity',
      action: 'site.identity.update',
      before,
      after: input,
    });
    return ok(input);
  });
}
