// Child process for the lock tests.
//   hold <stateDir>                 take the writers' lock, print "locked", wait to be killed
//   apply <home> <label> <goproxy> <startFile>
//                                   print "waiting", wait for startFile, then plan and commit an
//                                   apply; print the record
//   apply-now <home> <goproxy>      plan and commit an apply for bash, zsh and fish at once (the
//                                   interrupted-apply test SIGKILLs it part-way)
import { existsSync } from 'node:fs';
import { commitApply, planApply } from '../../../electron/core/apply/plan.js';
import { withWriterLock } from '../../../electron/core/apply/writer-lock.js';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'hold') {
  await withWriterLock(args[0]!, async () => {
    process.stdout.write('locked\n');
    await new Promise(() => setInterval(() => undefined, 1000)); // until SIGKILL
  });
} else if (mode === 'apply') {
  const [home, label, goproxy, startFile] = args as [string, string, string, string];
  process.stdout.write('waiting\n');
  while (!existsSync(startFile)) await new Promise((r) => setTimeout(r, 5));
  const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/bash' };
  const plan = await planApply({ label, vars: { GOPROXY: goproxy, GOSUMDB: 'sum.golang.org' }, env, platform: 'linux', goBinary: process.env.TEST_GO ?? null, shells: ['bash', 'zsh'] });
  const record = await commitApply(plan, { lock: { waitMs: 20_000 } });
  process.stdout.write(JSON.stringify(record) + '\n');
} else if (mode === 'apply-now') {
  const [home, goproxy] = args as [string, string];
  const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/bash', GOTOOLCHAIN: 'local' };
  const plan = await planApply({ label: 'use interrupted', vars: { GOPROXY: goproxy, GOSUMDB: 'sum.golang.org' }, env, platform: 'linux', goBinary: process.env.TEST_GO ?? null, shells: ['bash', 'zsh', 'fish'] });
  const record = await commitApply(plan);
  process.stdout.write(JSON.stringify(record) + '\n');
}
