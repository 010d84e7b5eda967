// The shells as judges of an rc edit: bash -n, zsh -n and fish --no-execute on the bytes (through
// a pipe), and the rule built on them: refuse an edit only when the file parsed before and not after.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rcEditRefusal, shellAccepts } from '../../../electron/core/apply/rc-syntax-check.js';

const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' };

test('each shell accepts its own syntax and rejects a broken file, naming the problem', async () => {
  assert.deepEqual(await shellAccepts('bash', Buffer.from('if true; then\n  export A=1\nfi\n'), env), { accepted: true, message: '' });
  const bash = await shellAccepts('bash', Buffer.from('if true; then\n# x\nfi\n'), env);
  assert.equal(bash?.accepted, false);
  assert.match(bash.message, /syntax error/);
  assert.equal((await shellAccepts('zsh', Buffer.from('print -r -- ${(j:,:)list}\n'), env))?.accepted, true);
  assert.equal((await shellAccepts('zsh', Buffer.from('if true; then\n'), env))?.accepted, false);
  assert.equal((await shellAccepts('fish', Buffer.from('if status is-interactive\n  set -gx A 1\nend\n'), env))?.accepted, true);
  const fish = await shellAccepts('fish', Buffer.from('if true\n  set -gx A 1\n'), env);
  assert.equal(fish?.accepted, false);
  assert.match(fish.message, /end/);
});

test('an edit that breaks a file that parsed is refused; a file already broken is not blamed on the edit', async () => {
  const before = Buffer.from('if [ -n "$X" ]; then\n  export GOPROXY=https://a.example\nfi\n');
  // What the old line-based --fix produced: an empty `then` body.
  const after = Buffer.from('if [ -n "$X" ]; then\n  # export GOPROXY=https://a.example\nfi\n');
  const refusal = await rcEditRefusal('/home/u/.bashrc', 'bash', before, after, env);
  assert.match(refusal ?? '', /^\/home\/u\/\.bashrc: bash would no longer be able to read this file after the edit \(.*syntax error.*\), so it was not changed; /);
  assert.equal(await rcEditRefusal('/home/u/.bashrc', 'bash', Buffer.from('if true; then\n'), Buffer.from('if true; then\n# >>> goproxyctl >>>\n'), env), null);
  assert.equal(await rcEditRefusal('/home/u/.bashrc', 'bash', before, before, env), null);
  assert.equal(await rcEditRefusal('/home/u/.bashrc', 'bash', null, after, env), await rcEditRefusal('/home/u/.bashrc', 'bash', Buffer.alloc(0), after, env));
  // No shell on PATH: no verdict, nothing refused.
  assert.equal(await shellAccepts('zsh', after, { PATH: '/nonexistent' }), null);
});
