/** Entry point of the `minutebook` command (bin/minutebook.js loads it through tsx). */
import { runMinutebook } from './minutebook';

process.exitCode = await runMinutebook(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
