import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkModulePath, escapeModulePath, escapeVersion, unescapeModuleString } from '../../../shared/go/escape.js';
import { checkPrefixPatterns, matchPrefixPatterns } from '../../../shared/go/match.js';

test('the go-semantics.md table', () => {
  const table: [string, string, boolean][] = [
    ['*.corp.com', 'git.corp.com/x/y', true],
    ['*.corp.com', 'corp.com/x/y', false],
    ['corp.com', 'corp.com/a/b', true],
    ['github.com/org', 'github.com/organization/r', false],
    ['corp.com, other.com', 'other.com/a', false],
    ['CORP.com', 'corp.com/a', false],
  ];
  for (const [pattern, path, expected] of table) assert.equal(matchPrefixPatterns(pattern, path), expected, `${pattern} / ${path}`);
});

test('checkPrefixPatterns reports what a doctor should show', () => {
  assert.deepEqual(checkPrefixPatterns('*.corp.example,github.com/acme'), []);
  const codes = checkPrefixPatterns('corp.example, other.example,,CORP.example,[abc,*,*/*').map((p) => [p.code, p.glob, p.index]);
  assert.deepEqual(codes, [
    ['has-space', ' other.example', 1],
    ['empty-entry', '', 2],
    ['uppercase', 'CORP.example', 3],
    ['bad-pattern', '[abc', 4],
    ['too-broad', '*', 5],
    ['too-broad', '*/*', 6],
  ]);
  for (const p of checkPrefixPatterns(' x,,X,[,*')) assert.match(p.message, /^[^\n]+\.$/, 'one sentence');
});

test('module path escaping and checks (golang.org/x/mod/module)', () => {
  assert.equal(escapeModulePath('github.com/Azure/azure-sdk-for-go'), 'github.com/!azure/azure-sdk-for-go');
  assert.equal(escapeVersion('v1.0.0-RC1'), 'v1.0.0-!r!c1');
  assert.throws(() => escapeVersion('v1!'), /disallowed version string/);
  assert.equal(checkModulePath('golang.org/x/text'), null);
  assert.equal(checkModulePath('gopkg.in/yaml.v3'), null);
  assert.equal(checkModulePath('example.com/m/v2'), null);
  assert.equal(checkModulePath('example.com/m/v1'), 'malformed module path "example.com/m/v1": invalid version');
  assert.equal(checkModulePath('Example.com/m'), `malformed module path "Example.com/m": invalid char 'E' in first path element`);
  assert.equal(checkModulePath('example.com//m'), 'malformed module path "example.com//m": double slash');
  assert.equal(checkModulePath('example.com/m/'), 'malformed module path "example.com/m/": trailing slash');
  assert.equal(checkModulePath('example.com/.m'), 'malformed module path "example.com/.m": leading dot in path element');
  assert.equal(checkModulePath('example.com/con'), 'malformed module path "example.com/con": "con" disallowed as path element component on Windows');
  assert.equal(checkModulePath('example.com/a~1'), 'malformed module path "example.com/a~1": trailing tilde and digits in path element');
  assert.equal(checkModulePath('example.com/a b'), `malformed module path "example.com/a b": invalid char ' '`);
});

test('unescapeModuleString inverts the escaping and rejects what go rejects', () => {
  assert.equal(unescapeModuleString('github.com/!azure/azure-sdk-for-go'), 'github.com/Azure/azure-sdk-for-go');
  assert.equal(unescapeModuleString(escapeModulePath('lab.invalid/BigCorp/Tool')), 'lab.invalid/BigCorp/Tool');
  assert.equal(unescapeModuleString('github.com/Azure/x'), null, 'an upper-case letter is not an escaped form');
  assert.equal(unescapeModuleString('a.com/x!'), null, 'a trailing bang');
  assert.equal(unescapeModuleString('a.com/!1'), null, 'a bang before a non-letter');
  assert.equal(unescapeModuleString('a.com/é'), null, 'non-ASCII');
});
