import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipFiles } from '../../lab/index.js';
import { checkModuleZipBuffer } from '../../../electron/core/relay/zip-check.js';

const M = 'lab.invalid/app';
const V = 'v1.0.0';

test('a module zip with every file under module@version/ passes', async () => {
  const zip = await zipFiles({ 'go.mod': `module ${M}\n`, 'a.go': 'package a\n' }, `${M}@${V}/`);
  assert.equal(await checkModuleZipBuffer(zip, M, V), null);
});

test('a truncated zip, a wrong prefix and garbage are refused with a reason', async () => {
  const zip = await zipFiles({ 'go.mod': `module ${M}\n` }, `${M}@${V}/`);
  assert.match((await checkModuleZipBuffer(zip.subarray(0, zip.length - 10), M, V)) ?? '', /end-of-central-directory/);
  assert.match((await checkModuleZipBuffer(zip, M, 'v1.0.1')) ?? '', /outside lab\.invalid\/app@v1\.0\.1\//);
  assert.match((await checkModuleZipBuffer(Buffer.from('<html>not found</html>'), M, V)) ?? '', /not a zip/);
  assert.match((await checkModuleZipBuffer(Buffer.alloc(0), M, V)) ?? '', /not a zip/);
  // zip writers refuse "..", so the name is patched in place (same length) after writing.
  const made = await zipFiles({ 'aa/bb/escape': 'x' }, `${M}@${V}/`);
  const evil = Buffer.from(made.toString('latin1').split('aa/bb/escape').join('../../escape'), 'latin1');
  assert.match((await checkModuleZipBuffer(evil, M, V)) ?? '', /\.\./);
});
