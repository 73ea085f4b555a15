// The 受理回执: issued in the transaction that fixes the date of receipt, addressed to the
// applicant (and e-mailed when they chose e-mail), first among the case's letters.
import type { CommandContext } from '../../commands/command.js';
import { fail, ok, type Result } from '../../commands/result.js';
import type { FileStore } from '../../files/file-store.js';
import { issueLetter, type IssuedLetter } from '../../letters/issue.js';
import type { Clock } from '../../db/time.js';
import type { ClockResult } from '../clock.js';
import { getApplicant, listItems } from '../repository.js';
import type { RequestCase } from '../request.js';
import { receiptLetter, summaryOf } from './step-letters.js';

export async function issueReceipt(
  deps: { files: FileStore; clock: Clock; emailEnabled: boolean },
  ctx: CommandContext,
  c: RequestCase,
  clock: ClockResult | null,
): Promise<Result<IssuedLetter>> {
  const [applicant, items] = await Promise.all([
    getApplicant(ctx.trx, c.id),
    listItems(ctx.trx, c.id),
  ]);
  if (!applicant) throw new Error(`request ${c.id} has no applicant row`);
  const planned = receiptLetter({
    c,
    applicantName: applicant.name,
    requestSummary: summaryOf(items),
    clock,
    data: {},
    draft: null,
    extensionReason: '',
    fee: null,
  });
  if (planned.kind !== 'receipt') throw new Error('receiptLetter must plan a receipt');
  const byEmail = c.deliveryMethod === 'email' && applicant.email ? applicant.email : undefined;
  const issued = await issueLetter(deps, ctx, {
    agencyId: c.agencyId,
    kind: 'receipt',
    subject: { type: 'request', id: c.id },
    context: planned.context,
    ...(byEmail ? { email: byEmail } : {}),
  });
  return issued.ok ? ok(issued.value) : fail({ _form: Object.values(issued.errors).join('；') });
}
