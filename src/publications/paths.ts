// Where the console pages of proactive disclosure live.
export const PUBLICATIONS_PATH = '/console/publications';
export const OVERDUE_PATH = `${PUBLICATIONS_PATH}/overdue`;
export const RECHECKS_PATH = `${PUBLICATIONS_PATH}/rechecks`;

export const itemPath = (id: string) => `${PUBLICATIONS_PATH}/${id}`;
export const recheckPath = (id: string) => `${RECHECKS_PATH}/${id}`;
