// The guard that makes `npm test` prove no test touched the real HOME must itself catch both
// kinds of touch. Here a temporary directory plays the "real" HOME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startHomeGuard } from '../../support/home-guard.js';
import { makeTempHome } from '../../support/temp-home.js';

test('home guard: an untouched run reports nothing', async (t) => {
  const real = await makeTempHome('goproxyctl-guard-real-');
  t.after(() => real.cleanup());
  await mkdir(path.join(real.home, '.config', 'goproxyctl'), { recursive: true });
  await writeFile(path.join(real.home, '.config', 'goproxyctl', 'watch.json'), '{}');
  const guard = await startHomeGuard({ HOME: real.home });
  assert.equal(guard.env.HOME, guard.sentinel);
  assert.ok(guard.env.XDG_CONFIG_HOME?.startsWith(guard.sentinel) && guard.env.GOENV?.startsWith(guard.sentinel));
  assert.deepEqual(await guard.finish(), []);
});

test('home guard: a write under the sentinel HOME and a change in the real HOME both fail the run', async (t) => {
  const real = await makeTempHome('goproxyctl-guard-real-');
  t.after(() => real.cleanup());
  await mkdir(path.join(real.home, '.config', 'goproxyctl'), { recursive: true });
  const guard = await startHomeGuard({ HOME: real.home });
  await mkdir(path.join(guard.env.XDG_CONFIG_HOME!, 'goproxyctl'), { recursive: true });
  await writeFile(path.join(guard.env.XDG_CONFIG_HOME!, 'goproxyctl', 'profiles.json'), '[]');
  await writeFile(path.join(real.home, '.config', 'goproxyctl', 'watch.json'), '{}');
  await writeFile(path.join(real.home, '.zshrc'), 'export GOPROXY=off\n');
  const problems = await guard.finish();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0]!, /instead of a temporary HOME[\s\S]*\.config\/goproxyctl\/profiles\.json/);
  assert.match(problems[1]!, /real HOME's goproxyctl files changed[\s\S]*watch\.json: created[\s\S]*\.zshrc: absent -> file 19 /);
});
