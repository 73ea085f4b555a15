// Entry of a reader worker thread. The sources are TypeScript run through tsx; a worker
// thread does not inherit the loader the main thread registered, so it registers it here.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
