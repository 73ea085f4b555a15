#!/usr/bin/env node
// The `gongkai` command. It runs the TypeScript sources directly through tsx, so what
// runs is always what is checked in: there is no build output to go stale.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
