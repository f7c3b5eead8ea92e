#!/usr/bin/env node
// `minutebook` on the command line (npx minutebook …, in the project folder after npm install).
// The CLI is the core's own TypeScript, run under plain Node with tsx (a devDependency): no
// build step, no Electron. The packaged app does not include this file.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('minutebook: tsx is not installed: run "npm install" in the Minute Book project folder first.\n');
  process.exit(1);
}
register();
await import('../main/cli/main.ts');
