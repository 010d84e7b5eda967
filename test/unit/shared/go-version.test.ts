// The one go-version parser (shared/go/version.ts). The doctor's and `use`'s parsers once
// disagreed on a development build: the doctor called "devel go1.25-..." unknown (so never too
// old), `use` read it as 1.25. Both read it as 1.25 now; the real toolchains' strings parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { goAtLeast, goOlderThan, parseGoVersion } from '../../../shared/go/version.js';
import { goToolchains } from '../../support/go.js';

test('parseGoVersion: releases, release candidates, development builds; anything else is unknown', () => {
  assert.deepEqual(parseGoVersion('go1.23.4'), { major: 1, minor: 23 });
  assert.deepEqual(parseGoVersion('go1.24rc1'), { major: 1, minor: 24 });
  assert.deepEqual(parseGoVersion('go1.21'), { major: 1, minor: 21 });
  assert.deepEqual(parseGoVersion('devel go1.25-abc1234 Tue Jan 7 10:00:00 2025 +0000'), { major: 1, minor: 25 });
  assert.deepEqual(parseGoVersion('go2.0'), { major: 2, minor: 0 });
  for (const unknown of [null, undefined, '', 'devel', 'gccgo', 'xgo1.22', 'go1'] as const) assert.equal(parseGoVersion(unknown), null, String(unknown));
});

test('the cases the two parsers disagreed on: a development build is its version, for both questions', () => {
  const devel = 'devel go1.25-abc1234 Tue Jan 7 10:00:00 2025 +0000';
  assert.equal(goAtLeast(devel, 1, 24), true, 'GOAUTH exists in a 1.25 development build');
  assert.equal(goOlderThan(devel, 24), false);
  const oldDevel = 'devel go1.14-0123abc Mon Feb 3 2020';
  assert.equal(goOlderThan(oldDevel, 15), true, "a 1.14 development build has no '|' in GOPROXY (the doctor once missed this)");
  assert.equal(goAtLeast(oldDevel, 1, 15), false);
});

test('unknown counts as current; the major version counts', () => {
  assert.equal(goAtLeast(null, 1, 24), true);
  assert.equal(goOlderThan(null, 24), false);
  assert.equal(goAtLeast('go1.23.9', 1, 24), false);
  assert.equal(goOlderThan('go1.23.9', 24), true);
  assert.equal(goAtLeast('go2.0', 1, 24), true);
  assert.equal(goOlderThan('go2.0', 24), false);
});

test('the real toolchains: go env GOVERSION parses to the toolchain installed', () => {
  for (const go of goToolchains()) {
    const printed = execFileSync(go.bin, ['env', 'GOVERSION'], { env: { PATH: process.env.PATH, HOME: '/nonexistent', GOENV: 'off', GOTOOLCHAIN: 'local', GOTELEMETRY: 'off' }, encoding: 'utf8', timeout: 30_000 }).trim();
    assert.deepEqual(parseGoVersion(printed), { major: 1, minor: Number(go.name.replace(/^go1\./, '')) }, printed);
  }
});
