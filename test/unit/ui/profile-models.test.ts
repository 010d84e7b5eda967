// The Profiles editor's and the Benchmark's Apply models: reordering, separators, the private
// pattern tester (go's matcher), the chain diff.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileIdProblem, validateProfile } from '../../../shared/profile/validate.js';
import { diffChains } from '../../../shared/ui/chain-diff.js';
import { addEntry, blankProfile, freeProfileId, moveEntry, newProfileId, removeEntry, separatorMeaning, setSeparator, testPrivatePatterns } from '../../../shared/ui/profile-edit.js';

const list = [{ url: 'https://a.example', separator: '|' as const }, { url: 'https://b.example', separator: ',' as const }, { url: 'direct' }];

test('moving an entry keeps its separator and leaves the last entry bare', () => {
  const down = moveEntry(list, 0, 2);
  assert.deepEqual(down, [{ url: 'https://b.example', separator: ',' }, { url: 'direct', separator: ',' }, { url: 'https://a.example' }]);
  assert.deepEqual(moveEntry(list, 2, -5).map((e) => e.url), ['direct', 'https://a.example', 'https://b.example']);
  assert.deepEqual(moveEntry(list, 7, 0), list);
  assert.deepEqual(setSeparator(list, 1, '|')[1], { url: 'https://b.example', separator: '|' });
  assert.deepEqual(setSeparator(list, 2, '|')[2], { url: 'direct' }, 'the last entry has no separator');
  assert.deepEqual(addEntry(list, ' off ').slice(-2), [{ url: 'direct', separator: ',' }, { url: 'off' }]);
  assert.deepEqual(removeEntry(list, 2).at(-1), { url: 'https://b.example' });
  assert.equal(separatorMeaning('|'), 'any-error');
  assert.equal(separatorMeaning(','), 'not-found');
});

test('the pattern tester answers as go does, naming the pattern that matched', () => {
  assert.deepEqual(testPrivatePatterns('*.corp.example,github.com/acme', 'git.corp.example/team/lib'), { kind: 'match', pattern: '*.corp.example' });
  assert.deepEqual(testPrivatePatterns('*.corp.example,github.com/acme', 'github.com/acme/tool/v2'), { kind: 'match', pattern: 'github.com/acme' });
  assert.deepEqual(testPrivatePatterns('github.com/acme', 'github.com/acmeother/x'), { kind: 'no-match' }, 'prefixes match whole path elements');
  assert.deepEqual(testPrivatePatterns('', 'x.example/y'), { kind: 'empty' });
  assert.deepEqual(testPrivatePatterns('a.example', '  '), { kind: 'empty' });
});

test('the chain diff: moved, added, removed, separator changes, GOSUMDB', () => {
  const d = diffChains({ goproxy: 'https://proxy.golang.org,direct', gosumdb: 'sum.golang.org' }, { goproxy: 'goproxy.cn|https://proxy.golang.org/', gosumdb: 'sum.golang.google.cn' });
  assert.deepEqual(
    d.rows.map((r) => [r.entry, r.change, r.from, r.to]),
    [
      ['https://goproxy.cn', 'added', null, 1],
      ['https://proxy.golang.org', 'moved', 1, 2],
      ['direct', 'removed', 2, null],
    ],
  );
  assert.equal(d.unchanged, false);
  assert.deepEqual(d.gosumdb, { from: 'sum.golang.org', to: 'sum.golang.google.cn' });
  const same = diffChains({ goproxy: 'https://a.example|direct', gosumdb: 'x' }, { goproxy: 'a.example|direct', gosumdb: null });
  assert.equal(same.unchanged, true);
  assert.equal(same.gosumdb, null);
  const sep = diffChains({ goproxy: 'https://a.example,direct', gosumdb: 'x' }, { goproxy: 'https://a.example|direct', gosumdb: 'x' });
  assert.deepEqual(sep.rows.map((r) => r.change), ['separator', 'same']);
});

test('a blank profile is valid', () => {
  assert.ok(validateProfile(blankProfile('mine', 'Mine')).ok);
});

test('a free id for a copy', () => {
  assert.equal(freeProfileId('china', ['china']), 'china-copy');
  assert.equal(freeProfileId('china', ['china-copy', 'china-copy-2']), 'china-copy-3');
  assert.equal(newProfileId(['china']), 'my-profile');
  assert.equal(newProfileId(['my-profile']), 'my-profile-2');
  for (const id of [freeProfileId('china', []), newProfileId(['my-profile'])]) assert.equal(profileIdProblem(id), null);
});
