// The service keeps its state true when other programs change the files it is derived from:
// `goproxyctl use` in a terminal (the CLI, a separate process), `go env -w`, an edit of ~/.bashrc,
// a hand edit of watch.json. No command is sent to the service: only the files change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cliPath } from '../../support/paths.js';
import { runCommand } from '../../support/go.js';
import { waitUntil } from '../../support/wait.js';
import { go, serve } from './harness.js';
import { watchedFiles } from '../../../electron/core/service/file-watch.js';
import { productDirs } from '../../../electron/core/apply/index.js';

test('what the service watches: the go env file, every shell file goproxyctl manages, the store, settings and the journal', () => {
  const env = { HOME: '/home/u' };
  const files = watchedFiles(env, productDirs(env, 'linux'), 'linux', '/home/u');
  const byKind = (k: string) => files.filter((f) => f.kind === k).map((f) => f.file);
  assert.ok(byKind('go-config').includes('/home/u/.config/go/env'));
  assert.ok(byKind('go-config').includes('/home/u/.bashrc'));
  assert.ok(byKind('go-config').includes('/home/u/.zshrc'));
  assert.ok(byKind('go-config').includes('/home/u/.config/goproxyctl/env.sh'));
  assert.deepEqual(byKind('profiles'), ['/home/u/.config/goproxyctl/profiles.json']);
  assert.deepEqual(byKind('settings'), ['/home/u/.config/goproxyctl/settings.json', '/home/u/.config/goproxyctl/watch.json']);
  assert.deepEqual(byKind('applies'), ['/home/u/.local/share/goproxyctl/applies']);
  assert.equal(new Set(files.map((f) => f.file)).size, files.length, 'each file once');
});

test('`goproxyctl use` in another process, `go env -w` and a settings edit reach the state on their own; the doctor re-runs once it has run', { timeout: 120_000 }, async () => {
  const s = await serve({ service: { fileWatch: { debounceMs: 50 } } });
  try {
    await s.api.refreshConfig({});
    await s.api.runDoctor({});
    const doctorRunAt = s.service.state().doctor.checkedAt;
    assert.equal(s.service.state().profiles.active, null);

    const used = await runCommand(process.execPath, [cliPath, 'use', 'china', '--shells', 'bash'], { env: s.env, cwd: s.home, timeoutMs: 120_000 });
    assert.equal(used.code, 0, used.stderr);
    await waitUntil(() => s.service.state().profiles.active === 'china', { what: 'the active profile to follow the CLI', timeoutMs: 30_000 });
    await waitUntil(() => s.service.state().applies.list[0]?.label === 'use china', { what: 'the apply history to list the CLI apply', timeoutMs: 30_000 });
    await waitUntil(() => /goproxy\.cn/.test(s.service.state().config.view?.vars.find((v) => v.name === 'GOPROXY')?.value ?? ''), { what: 'the configuration to be re-read', timeoutMs: 30_000 });
    await waitUntil(() => (s.service.state().doctor.checkedAt ?? 0) > (doctorRunAt ?? 0), { what: 'the doctor to re-run', timeoutMs: 30_000 });

    const w = await runCommand(go.bin, ['env', '-w', 'GOPROXY=off'], { env: s.env, cwd: s.home, timeoutMs: 60_000 });
    assert.equal(w.code, 0, w.stderr);
    await waitUntil(() => s.service.state().config.view?.vars.find((v) => v.name === 'GOPROXY')?.value === 'off', { what: 'go env -w to show', timeoutMs: 30_000 });

    const config = productDirs(s.env).config;
    await mkdir(config, { recursive: true });
    await writeFile(path.join(config, 'settings.json'), JSON.stringify({ language: 'zh-CN', theme: 'dark' }));
    await waitUntil(() => s.service.state().settings.language === 'zh-CN' && s.service.state().settings.theme === 'dark', { what: 'a hand edit of settings.json to show', timeoutMs: 30_000 });
  } finally {
    await s.close();
  }
});

test('rereadAll (the window regaining focus) re-reads everything even with file watching off', { timeout: 120_000 }, async () => {
  const s = await serve({ service: { fileWatch: false } });
  try {
    await s.api.refreshConfig({});
    const used = await runCommand(process.execPath, [cliPath, 'use', 'global', '--shells', 'bash'], { env: s.env, cwd: s.home, timeoutMs: 120_000 });
    assert.equal(used.code, 0, used.stderr);
    assert.equal(s.service.state().profiles.active, null, 'nothing watched: the state is stale until asked');
    await s.api.rereadAll({});
    assert.equal(s.service.state().profiles.active, 'global');
    assert.equal(s.service.state().applies.list[0]?.label, 'use global');
    assert.match(s.service.state().config.view?.vars.find((v) => v.name === 'GOPROXY')?.value ?? '', /proxy\.golang\.org/);
  } finally {
    await s.close();
  }
});
