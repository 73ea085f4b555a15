// Random case histories for property tests of table 三: each case is driven through the pure
// core's one transition function, the state machine choosing what is allowed and the random
// numbers choosing among it, so every history is one the platform could have stored.
import fc from 'fast-check';
import { addDays } from '../../src/calendar/dates.js';
import { officialSeed } from '../../src/calendar/seed.js';
import { createCalendar } from '../../src/calendar/working-days.js';
import {
  APPLICANT_CATEGORIES,
  availableActions,
  newCase,
  outcomeAllowed,
  RECEIPT_CHANNELS,
  transition,
  type ActorFacts,
  type CaseAction,
  type CaseActionType,
  type ClosureKind,
  type RequestCase,
} from '../../src/requests/case.js';
import { OUTCOME_KEYS } from '../../src/requests/outcomes.js';

const seed = officialSeed();
export const historyCalendar = createCalendar({ days: seed.days, loadedYears: seed.years });

const ACTOR: ActorFacts = { permissions: ['request.handle', 'request.approve'] };

export interface HistoryRange {
  firstYear: number;
  lastYear: number;
}

/** One case: when it arrives, how, and the random choices that drive it. */
export function historyArb({ firstYear, lastYear }: HistoryRange) {
  return fc.record({
    category: fc.constantFrom(...APPLICANT_CATEGORIES),
    channel: fc.constantFrom(...RECEIPT_CHANNELS),
    // Arrivals bunch up around year ends now and then: the carry-over is what is tested.
    startOffset: fc.oneof(
      fc.integer({ min: 0, max: (lastYear - firstYear + 1) * 365 - 1 }),
      fc
        .integer({ min: 0, max: lastYear - firstYear })
        .chain((y) => fc.integer({ min: y * 365 + 340, max: y * 365 + 364 })),
    ),
    steps: fc.array(
      fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 60 }), outcome: fc.nat() }),
      { maxLength: 14 },
    ),
  });
}

export type History = ReturnType<typeof historyArb> extends fc.Arbitrary<infer T> ? T : never;

const CLOSURE_OF: Partial<Record<CaseActionType, ClosureKind>> = {
  answer_on_spot: 'answered_on_spot',
  transfer: 'transferred',
  draft_reply: 'replied',
};

export interface PlayedCase {
  case: RequestCase;
  /** The day the application arrived (before any confirmation of receipt). */
  submittedOn: string;
}

/** Plays a history through transition(); refused steps are skipped, as staff would retry otherwise. */
export function playHistory(h: History, { firstYear }: HistoryRange, today: string): PlayedCase {
  const submittedOn = addDays(`${firstYear}-01-01`, h.startOffset);
  let c = newCase({ category: h.category, channel: h.channel, receivedOn: submittedOn });
  let date = submittedOn;
  for (const step of h.steps) {
    const actions = availableActions(c, ACTOR);
    if (actions.length === 0) break;
    const type = actions[step.pick % actions.length]!;
    const closure = CLOSURE_OF[type];
    const outcomes = closure ? OUTCOME_KEYS.filter((o) => outcomeAllowed(closure, o)) : [];
    const next = type === 'answer_on_spot' ? date : addDays(date, step.gap);
    if (next > today) break; // nothing happens after today: the case stays where it is
    const action = {
      type,
      date: next,
      deadline: addDays(next, 15),
      party: step.pick % 2 === 0 ? 'third_party' : 'agency',
      outcome: outcomes[step.outcome % Math.max(outcomes.length, 1)],
      reasons: '依法答复。',
    } as unknown as CaseAction;
    const r = transition(c, action, { actor: ACTOR, today, calendar: historyCalendar });
    if (!r.ok) continue;
    c = r.case;
    if ('date' in action && action.date > date) date = action.date;
  }
  return { case: c, submittedOn };
}
