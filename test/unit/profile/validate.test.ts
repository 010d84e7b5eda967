// The profile schema, the built-ins and the pure helpers around them.
import { render } from '../../../shared/i18n/catalog.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { parseGosumdb } from '../../../shared/go/gosumdb.js';
import {
  applyBlockers, BUILTIN_PROFILES, builtinProfile, parseProfileDocument, profileToGoEnv, refreshDue, validateProfile, type Profile, type Subscription,
} from '../../../shared/profile/index.js';

const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(builtinProfile('global'))) as Record<string, unknown>;

/** The errors as a person reads them in English (the catalogue's words of the engine's messages). */
function errorsOf(value: unknown): string[] {
  const r = validateProfile(value);
  assert.equal(r.ok, false, 'expected the profile to be rejected');
  return r.ok ? [] : r.errors.map((e) => render('en', e));
}

test('every built-in validates and has a stable id', () => {
  assert.deepEqual(BUILTIN_PROFILES.map((p) => p.id), ['china', 'global', 'corporate', 'offline']);
  for (const p of BUILTIN_PROFILES) assert.equal(validateProfile(p).ok, true, p.id);
});

test('china: goproxy.cn first, "|" to Alibaba Cloud, a GOSUMDB go accepts', () => {
  const vars = profileToGoEnv(builtinProfile('china')!);
  assert.equal(vars.GOPROXY, 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
  const parsed = parseGoproxy(vars.GOPROXY);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.entries.map((e) => [e.kind, e.fallBackOnError]), [['proxy', true], ['proxy', false], ['direct', false]]);
  const sumdb = parseGosumdb(vars.GOSUMDB!);
  assert.ok(sumdb.ok && sumdb.value.kind === 'db');
  assert.equal(sumdb.value.name, 'sum.golang.org');
  assert.equal(sumdb.value.url, 'https://sum.golang.google.cn');
});

test('global uses "|" before direct, unlike go\'s default ","', () => {
  assert.equal(profileToGoEnv(builtinProfile('global')!).GOPROXY, 'https://proxy.golang.org|direct');
});

test('offline is "off" and unsets the rest', () => {
  assert.deepEqual(profileToGoEnv(builtinProfile('offline')!), { GOPROXY: 'off', GOSUMDB: null, GOPRIVATE: null, GONOPROXY: null, GONOSUMDB: null, GOINSECURE: null });
});

test('the corporate template validates but lists what to fill in before applying', () => {
  const corporate = builtinProfile('corporate')!;
  assert.equal(validateProfile(corporate).ok, true);
  const blockers = applyBlockers(corporate).map((b) => render('en', b));
  assert.equal(blockers.length, 2);
  assert.match(blockers[0]!, /^goproxy\[0\]\.url: replace <PRIVATE_PROXY_URL> with your private proxy's URL/);
  assert.match(blockers[1]!, /^goprivate: replace <PRIVATE_MODULE_PATTERNS>/);
  const filled: Profile = { ...corporate, goproxy: [{ url: 'https://athens.corp.example.com', separator: '|' }, ...corporate.goproxy.slice(1)], goprivate: 'git.corp.example.com' };
  assert.deepEqual(applyBlockers(filled), []);
  assert.equal(validateProfile(filled).ok, true);
});

test('profileToGoEnv: "" and null unset, an omitted GOFLAGS is left alone, a given one is set', () => {
  const p = { ...builtinProfile('global')!, goprivate: 'corp.example.com', gonoproxy: 'none' };
  const vars = profileToGoEnv(p);
  assert.equal(vars.GOPRIVATE, 'corp.example.com');
  assert.equal(vars.GONOPROXY, 'none');
  assert.equal(vars.GONOSUMDB, null);
  assert.equal(vars.GOINSECURE, null);
  assert.equal('GOFLAGS' in vars, false);
  assert.equal(profileToGoEnv({ ...p, goflags: '-mod=mod' }).GOFLAGS, '-mod=mod');
  assert.equal(profileToGoEnv({ ...p, goflags: '' }).GOFLAGS, null);
});

test('errors are one sentence each and name the field', () => {
  const cases: [(p: Record<string, unknown>) => void, RegExp][] = [
    [(p) => (p.goproxy = [{ url: 'htp://x.example', separator: '|' }, { url: 'direct' }]), /^goproxy\[0\]\.url: go rejects "htp:\/\/x\.example" \(invalid proxy URL scheme/],
    [(p) => (p.goproxy = [{ url: 'https://u:pw@corp.example', separator: '|' }, { url: 'direct' }]), /^goproxy\[0\]\.url: contains credentials; .*goproxyctl auth set/],
    [(p) => (p.goproxy = [{ url: 'direct', separator: '|' }, { url: 'https://goproxy.cn' }]), /^goproxy\[0\]\.url: "direct" ends the list/],
    [(p) => (p.goproxy = [{ url: 'https://goproxy.cn' }, { url: 'direct' }]), /^goproxy\[0\]\.separator: must be "\|"/],
    [(p) => (p.goproxy = [{ url: 'goproxy.cn', separator: '|' }, { url: 'direct' }]), /^goproxy\[0\]\.url: "goproxy.cn" has no scheme; write it in full, e\.g\. https:\/\/goproxy\.cn/],
    [(p) => (p.goproxy = []), /^goproxy: must be a non-empty list/],
    [(p) => (p.gosumdb = 'goproxy.cn/sumdb/sum.golang.org'), /^gosumdb: go rejects "goproxy\.cn\/sumdb\/sum\.golang\.org" \(invalid GOSUMDB: malformed verifier id\)/],
    [(p) => (p.goprivate = 'corp.example.com, other.example.com'), /^goprivate: " other\.example\.com" contains whitespace/],
    [(p) => (p.goinsecure = 'CORP.example.com'), /^goinsecure: "CORP\.example\.com" has capitals/],
    [(p) => (p.gonosumdb = 'corp.example.com/[x'), /^gonosumdb: "corp\.example\.com\/\[x" is not a valid path\.Match pattern/],
    [(p) => (p.goprivte = 'x'), /^goprivte: unknown field; remove it/],
    [(p) => (p.schema = 2), /^schema: version 2 is newer than this goproxyctl understands \(1\); update goproxyctl/],
    [(p) => (p.id = 'My Team'), /^id: "My Team" is not a valid profile id/],
    [(p) => (p.credentials = [{ origin: 'https://corp.example/path' }]), /^credentials\[0\]\.origin: "https:\/\/corp\.example\/path" has a path/],
    [(p) => (p.credentials = [{ origin: 'https://corp.example', password: 'x' }]), /^credentials\[0\]: must be \{"origin": "https:\/\/host\[:port\]"\} and nothing else/],
    [(p) => (p.targets = { goEnv: true, shells: ['tcsh'] }), /^targets\.shells: must be null .* bash, zsh, fish, pwsh/],
  ];
  for (const [mutate, expected] of cases) {
    const p = base();
    mutate(p);
    const errors = errorsOf(p);
    assert.ok(errors.some((e) => expected.test(e)), `${expected} not in ${JSON.stringify(errors)}`);
    for (const e of errors) assert.doesNotMatch(e, /\n/);
  }
});

test('"*" in GOPRIVATE is allowed by the schema (the doctor warns about it)', () => {
  assert.equal(validateProfile({ ...base(), goprivate: '*' }).ok, true);
});

test('a document is one profile or a bundle, and one bad profile rejects the whole bundle', () => {
  const good = builtinProfile('global')!;
  const single = parseProfileDocument(JSON.stringify({ ...good, id: 'team' }), 'team.json');
  assert.ok(single.ok);
  assert.deepEqual(single.profiles.map((p) => p.id), ['team']);
  const bundle = parseProfileDocument(JSON.stringify({ schema: 1, profiles: [{ ...good, id: 'a' }, { ...good, id: 'b', gosumdb: 'nope nope nope' }] }), 'b.json');
  assert.ok(!bundle.ok);
  assert.match(render('en', bundle.errors[0]!), /^b\.json: profiles\[1\]\.gosumdb: go rejects/);
  const dup = parseProfileDocument(JSON.stringify({ schema: 1, profiles: [{ ...good, id: 'a' }, { ...good, id: 'a' }] }), 'd.json');
  assert.ok(!dup.ok && /appears twice/.test(render('en', dup.errors[0]!)));
  const broken = parseProfileDocument('{"schema": 1,', 'x.json');
  assert.ok(!broken.ok && /^x\.json is not valid JSON/.test(render('en', broken.errors[0]!)));
});

test('refreshDue: first time, after the interval, sooner after a failure, and after the clock moves back', () => {
  const sub: Subscription = { source: 'https://t.example/p.json', intervalSeconds: 86_400, lastAttempt: '2026-01-01T00:00:00.000Z', lastSuccess: '2026-01-01T00:00:00.000Z', lastError: null, profileIds: [] };
  assert.equal(refreshDue({ ...sub, lastAttempt: null }, new Date('2026-01-01T00:00:00Z')), true);
  assert.equal(refreshDue(sub, new Date('2026-01-01T23:59:59Z')), false);
  assert.equal(refreshDue(sub, new Date('2026-01-02T00:00:00Z')), true);
  assert.equal(refreshDue({ ...sub, lastError: 'HTTP 500' }, new Date('2026-01-01T00:59:59Z')), false);
  assert.equal(refreshDue({ ...sub, lastError: 'HTTP 500' }, new Date('2026-01-01T01:00:00Z')), true);
  assert.equal(refreshDue(sub, new Date('2025-12-31T00:00:00Z')), true);
});
