// The checksum-database client's checks (electron/core/sumdb/verify.ts) against notes and
// records signed by the lab (test/lab/sumdb), which real go accepts (sumdb-go.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTreeNote, parseLookup } from '../../../electron/core/sumdb/verify.js';
import { KNOWN_GOSUMDB } from '../../../shared/go/gosumdb.js';
import { labSigner } from '../../lab/index.js';

const signer = labSigner('sum.golang.org');
const TREE = 'go.sum database tree\n2\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';

test('a note signed by the key opens; altered text, another key or no signature line do not', () => {
  const note = signer.sign(TREE);
  const opened = openTreeNote(note, signer.verifierKey);
  assert.ok(opened.ok);
  assert.equal(opened.value.size, 2);
  assert.deepEqual(openTreeNote(note.replace('\n2\n', '\n3\n'), signer.verifierKey), { ok: false, error: 'invalid signature' });
  const real = openTreeNote(note, KNOWN_GOSUMDB['sum.golang.org']!);
  assert.ok(!real.ok && real.error.startsWith('reading tree note: note has no verifiable signatures'));
  assert.deepEqual(openTreeNote(TREE, signer.verifierKey), { ok: false, error: 'malformed note' });
});

test('a lookup answer: record id and text, then the signed tree; an id beyond the tree is refused', () => {
  const note = signer.sign(TREE);
  const text = 'example.com/m v1.0.0 h1:AAAA=\nexample.com/m v1.0.0/go.mod h1:BBBB=\n';
  const ok = parseLookup(`1\n${text}\n${note}`, signer.verifierKey);
  assert.ok(ok.ok);
  assert.equal(ok.value.id, 1);
  assert.equal(ok.value.text, text);
  assert.deepEqual(parseLookup(`2\n${text}\n${note}`, signer.verifierKey), { ok: false, error: 'cannot authenticate record data in server response' });
  assert.deepEqual(parseLookup(`x\n${text}\n${note}`, signer.verifierKey), { ok: false, error: 'malformed record data' });
});
