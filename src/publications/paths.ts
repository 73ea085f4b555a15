// Where the console pages of proactive disclosure live.
export const PUBLICATIONS_PATH = '/console/publications';
export const OVERDUE_PATH = `${PUBLICATIONS_PATH}/overdue`;
export const RECHECKS_PATH = `${PUBLICATIONS_PATH}/rechecks`;
/** Where the agency's re-check rhythm is set (the form on the rounds page). */
export const RECHECK_RHYTHM_PATH = `${RECHECKS_PATH}/rhythm`;

export const itemPath = (id: string) => `${PUBLICATIONS_PATH}/${id}`;
export const recheckPath = (id: string) => `${RECHECKS_PATH}/${id}`;
/** An item of a round: its metadata and the finding form (keep, or withdraw with the notice). */
export const recheckItemPath = (id: string, itemId: string) => `${recheckPath(id)}/items/${itemId}`;
/** Where the round page's checked items are kept (继续公开) in one submission. */
export const recheckKeepPath = (id: string) => `${recheckPath(id)}/keep`;
