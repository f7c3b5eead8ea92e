#!/usr/bin/env node
// `minutebook` on the command line (npx minutebook …, in the project folder after npm install).
// The CLI is the core's own TypeScript, run under plain Node with tsx (a devDependency): no
// build step, no Electron. The packaged app does not include this file.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
