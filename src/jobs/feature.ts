// Housekeeping: the recurring purge of expired sessions, finished jobs and unreferenced
// files. It has no pages; it is a feature so the poller gets its job like any other's.
import type { Feature } from '../web/feature.js';
import { PURGE_RECURRING, purgeJob } from './purge-job.js';

export const housekeepingFeature: Feature = {
  name: 'housekeeping',
  jobs: ({ files }) => [purgeJob({ files })],
  recurring: [PURGE_RECURRING],
};
