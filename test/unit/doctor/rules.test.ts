// Every doctor rule over hand-built snapshots: it fires on the bad case (with evidence and both
// languages) and stays quiet on the good one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveConfig } from '../../../shared/go/effective.js';
import { FINDING_IDS, hasErrors, runDoctor, type DoctorSnapshot, type Finding, type FindingId, type ProjectFacts, type RcAssignment } from '../../../shared/doctor/index.js';
import { scanRcBytes } from '../../../electron/core/doctor/rc-parse.js';
import { renderFindingText, type FindingText } from '../../../shared/doctor/types.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';
import { checkZhText } from '../../support/zh-check.js';

interface Setup {
  os?: Record<string, string>;
  file?: Record<string, string>;
  goVersion?: string | null;
  rc?: RcAssignment[];
  activeProfile?: string;
  blockFiles?: string[];
  netrcMode?: number;
  projects?: ProjectFacts[];
  usesCredentials?: boolean;
}

function snapshot(s: Setup = {}): DoctorSnapshot {
  const envFile = { path: '/home/u/.config/go/env', vars: new Map(Object.entries(s.file ?? {})) };
  const gorootEnv = { path: '/usr/lib/go/go.env', vars: new Map([['GOPROXY', 'https://proxy.golang.org,direct'], ['GOSUMDB', 'sum.golang.org']]) };
  const osEnv = s.os ?? {};
  return {
    effective: effectiveConfig({ osEnv, envFile, gorootEnv, goVersion: s.goVersion === undefined ? 'go1.23.4' : s.goVersion }),
    goVersion: s.goVersion === undefined ? 'go1.23.4' : s.goVersion,
    rcAssignments: s.rc ?? [],
    activeProfile: s.activeProfile ?? null,
    blockFiles: s.blockFiles ?? [],
    netrc: s.netrcMode === undefined ? null : { path: '/home/u/.netrc', mode: s.netrcMode },
    platform: 'linux',
    proxyEnv: Object.fromEntries(Object.entries(osEnv).filter(([k]) => /_proxy$/i.test(k))),
    projects: s.projects ?? [],
    usesCredentials: s.usesCredentials ?? false,
  };
}

const en = (text: FindingText): string => renderFindingText('en', text);
const zh = (text: FindingText): string => renderFindingText('zh-CN', text);

/** Chinese with no English words outside code (`spans`, paths, URLs, names: the zh check's rules). */
function assertChinese(text: string, what: string): void {
  const check = checkZhText(text.replace(/`[^`\n]*`/g, ' '));
  assert.ok(check.cjk > 0, `${what}: ${text}`);
  assert.deepEqual(check.english, [], `${what}: ${text}`);
}

function only(findings: Finding[], id: FindingId): Finding[] {
  const found = findings.filter((f) => f.id === id);
  for (const f of found) {
    assert.equal(f.title.id, `ops.doctor.title.${id}`, `${id}: a title of its own, never the rule id`);
    assertChinese(render('zh-CN', f.title), `${id}: title`);
    assert.ok(en(f.explanation).length > 40, `${id}: English explanation`);
    assert.doesNotMatch(en(f.explanation) + zh(f.explanation), /\{\w+\}/, `${id}: every placeholder filled`);
    // JFrog and Athens are names; a project file's words are `goproxyctl lint`'s (shared/lint words them).
    if (id !== 'defunct-proxy' && id !== 'project-file') assertChinese(zh(f.explanation), `${id}: Chinese explanation`);
    else assert.match(zh(f.explanation), /[\u4e00-\u9fff]/);
    assert.ok(f.evidence.length > 0, `${id}: evidence`);
    if (f.fix) {
      assert.ok(en(f.fix.text).length > 0);
      if (id !== 'project-file') assertChinese(zh(f.fix.text), `${id}: Chinese fix`);
    }
  }
  return found;
}

/** A .zshrc as the doctor sees it (the layout from the real parser). */
async function rc(text: string): Promise<RcAssignment[]> {
  return (await scanRcBytes(Buffer.from(text, 'latin1'), '/home/u/.zshrc', { syntax: 'sh', dialect: 'zsh' }, ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GOFLAGS'])).assignments;
}

const covered = new Set<FindingId>();
function expectFinding(s: Setup, id: FindingId, severity: Finding['severity']): Finding {
  const found = only(runDoctor(snapshot(s)), id);
  assert.equal(found.length >= 1, true, `expected ${id}`);
  assert.equal(found[0]!.severity, severity);
  covered.add(id);
  return found[0]!;
}

test('a clean configuration (go defaults) has no findings', () => {
  assert.deepEqual(runDoctor(snapshot()), []);
  assert.deepEqual(runDoctor(snapshot({ file: { GOPROXY: 'https://goproxy.cn|https://proxy.golang.org|direct', GOPRIVATE: 'git.corp.example.com' } })), []);
});

test('shadowed-by-os-env: the process env beats the go env file (error), with both sources as evidence', () => {
  const f = expectFinding({ os: { GOPROXY: 'https://goproxy.io,direct' }, file: { GOPROXY: 'https://goproxy.cn' } }, 'shadowed-by-os-env', 'error');
  assert.equal(f.variable, 'GOPROXY');
  assert.deepEqual(f.evidence.map((e) => e.kind), ['process-env', 'variable']);
  assert.equal(f.fix?.automatic, false);
  assert.ok(hasErrors([f]));
});

test('shadowed-by-os-env: an rc export line is reported with file and line, and is fixable', async () => {
  const f = expectFinding({ rc: await rc('# mine\nexport GOPROXY=https://goproxy.cn\n') }, 'shadowed-by-os-env', 'warning');
  assert.deepEqual(f.evidence, [{ kind: 'file', file: '/home/u/.zshrc', line: 2, text: 'export GOPROXY=https://goproxy.cn' }]);
  assert.equal(f.fix?.automatic, true);
  assert.match(en(f.explanation), /\/home\/u\/\.zshrc:2/);
  assert.match(zh(f.explanation), /\/home\/u\/\.zshrc:2/);
});

test('shadowed-by-os-env: lines in a function, with expansions, or in our managed block are handled', async () => {
  const inFunction = runDoctor(snapshot({ rc: await rc('useproxy() {\n  export GOPROXY=https://goproxy.cn\n}\n') })).find((f) => f.id === 'shadowed-by-os-env');
  assert.equal(inFunction?.fix?.automatic, false);
  assert.match(en(inFunction.fix.text), /\.zshrc:2 \(it is inside a function, which runs only when called\)/);
  assert.match(zh(inFunction.fix.text), /\.zshrc:2（它位于函数内/);
  const expands = runDoctor(snapshot({ rc: await rc('export GOPROXY="$MIRROR"\n') })).find((f) => f.id === 'shadowed-by-os-env');
  assert.equal(expands?.fix?.automatic, false);
  assert.deepEqual(runDoctor(snapshot({ rc: await rc('# >>> goproxyctl >>>\nexport GOPROXY=https://goproxy.cn\n# <<< goproxyctl <<<\n') })), []);
  // Two lines that disagree: fixable only when an active profile decides the value.
  const two = await rc('export GOPROXY=https://a.example\nexport GOPROXY=https://b.example\n');
  assert.equal(runDoctor(snapshot({ rc: two })).find((f) => f.id === 'shadowed-by-os-env')?.fix?.automatic, false);
  const withProfile = runDoctor(snapshot({ rc: two, activeProfile: 'china' })).find((f) => f.id === 'shadowed-by-os-env');
  assert.equal(withProfile?.fix?.automatic, true);
  assert.match(en(withProfile.fix.text), /the active profile "china" takes effect/);
  assert.match(zh(withProfile.fix.text), /配置方案“china”生效/);
  // A conditional export in the file that holds the block: outrun (the block moves after it) only
  // with a profile active; inside a function (it may run whenever it is called) never.
  const cond = await rc('if [ -n "$X" ]; then\n  export GOPROXY=https://c.example\nfi\n');
  assert.equal(runDoctor(snapshot({ rc: cond, blockFiles: ['/home/u/.zshrc'] })).find((f) => f.id === 'shadowed-by-os-env')?.fix?.automatic, false);
  const outrun = runDoctor(snapshot({ rc: cond, activeProfile: 'china', blockFiles: ['/home/u/.zshrc'] })).find((f) => f.id === 'shadowed-by-os-env');
  assert.equal(outrun?.fix?.automatic, true);
  assert.match(en(outrun.fix.text), /comments out nothing, moves goproxyctl's managed block to the end of \/home\/u\/\.zshrc so that it comes after \/home\/u\/\.zshrc:2/);
  assert.match(zh(outrun.fix.text), /移到 \/home\/u\/\.zshrc 的末尾/);
  assert.equal(runDoctor(snapshot({ rc: cond, activeProfile: 'china', blockFiles: [] })).find((f) => f.id === 'shadowed-by-os-env')?.fix?.automatic, false);
  const fn = await rc('f() {\n  export GOPROXY=https://c.example\n}\n');
  assert.equal(runDoctor(snapshot({ rc: fn, activeProfile: 'china', blockFiles: ['/home/u/.zshrc'] })).find((f) => f.id === 'shadowed-by-os-env')?.fix?.automatic, false);
  // The same value in the env and the env file: not an error, and nothing in rc files: no finding.
  assert.deepEqual(runDoctor(snapshot({ os: { GOPROXY: 'https://goproxy.cn' }, file: { GOPROXY: 'https://goproxy.cn' } })), []);
});

test('goenv-off, gosumdb-off, invalid-gosumdb, gomodule-off', () => {
  expectFinding({ os: { GOENV: 'off' } }, 'goenv-off', 'warning');
  expectFinding({ file: { GOSUMDB: 'off' } }, 'gosumdb-off', 'warning');
  const bad = expectFinding({ file: { GOSUMDB: 'goproxy.cn/sumdb/sum.golang.org' } }, 'invalid-gosumdb', 'error');
  assert.match(en(bad.explanation), /malformed verifier id/);
  assert.deepEqual(runDoctor(snapshot({ file: { GOSUMDB: 'sum.golang.google.cn' } })), []);
  expectFinding({ file: { GO111MODULE: 'off' } }, 'gomodule-off', 'error');
});

test('invalid-goproxy: go\'s own error for a bad scheme; a warning for empty entries and spaces', () => {
  const f = expectFinding({ file: { GOPROXY: 'ftp://mirror.example' } }, 'invalid-goproxy', 'error');
  assert.match(en(f.explanation), /invalid proxy URL scheme/);
  expectFinding({ file: { GOPROXY: 'https://goproxy.cn,,direct' } }, 'invalid-goproxy', 'warning');
  expectFinding({ file: { GOPROXY: 'https://goproxy.cn, direct' } }, 'invalid-goproxy', 'warning');
});

test('ignored-after-direct, comma-no-failover, defunct-proxy, insecure-http-proxy', () => {
  const ignored = expectFinding({ file: { GOPROXY: 'direct,https://goproxy.cn' } }, 'ignored-after-direct', 'warning');
  assert.match(en(ignored.explanation), /https:\/\/goproxy\.cn/);
  const comma = expectFinding({ file: { GOPROXY: 'https://goproxy.cn,https://proxy.golang.org,direct' } }, 'comma-no-failover', 'warning');
  assert.match(en(comma.fix!.text), /https:\/\/goproxy\.cn\|https:\/\/proxy\.golang\.org/);
  // "X,direct" is go's own default shape: not flagged.
  assert.equal(runDoctor(snapshot({ file: { GOPROXY: 'https://goproxy.cn,direct' } })).length, 0);
  expectFinding({ file: { GOPROXY: 'https://gocenter.io|direct' } }, 'defunct-proxy', 'error');
  expectFinding({ file: { GOPROXY: 'https://athens.azurefd.net,direct' } }, 'defunct-proxy', 'error');
  expectFinding({ file: { GOPROXY: 'http://mirror.corp.example|direct' } }, 'insecure-http-proxy', 'warning');
  assert.equal(runDoctor(snapshot({ file: { GOPROXY: 'http://127.0.0.1:3000|direct' } })).length, 0);
});

test('pattern-has-space, pattern-uppercase, too-broad-private', () => {
  expectFinding({ file: { GOPRIVATE: 'corp.example.com, other.example.com' } }, 'pattern-has-space', 'error');
  const upper = expectFinding({ file: { GONOSUMDB: 'Corp.example.com' } }, 'pattern-uppercase', 'warning');
  assert.match(en(upper.fix!.text), /corp\.example\.com/);
  expectFinding({ file: { GOPRIVATE: '*' } }, 'too-broad-private', 'warning');
  // A GONOPROXY derived from GOPRIVATE is not reported twice.
  assert.equal(runDoctor(snapshot({ file: { GOPRIVATE: '*' } })).filter((f) => f.id === 'too-broad-private').length, 1);
});

test('pattern-never-matches: checked against the modules of --project dirs only', () => {
  const projects: ProjectFacts[] = [{ dir: '/src/app', modulePath: 'git.corp.example.com/team/app', requires: ['github.com/organization/lib', 'golang.org/x/text'], remotes: [] }];
  const f = expectFinding({ file: { GOPRIVATE: 'git.corp.example.com,github.com/org' }, projects }, 'pattern-never-matches', 'warning');
  assert.match(en(f.explanation), /"github\.com\/org"/);
  assert.equal(runDoctor(snapshot({ file: { GOPRIVATE: 'git.corp.example.com,github.com/organization' }, projects })).filter((x) => x.id === 'pattern-never-matches').length, 0);
  assert.equal(runDoctor(snapshot({ file: { GOPRIVATE: 'github.com/org' } })).length, 0, 'no projects: nothing to judge');
  expectFinding({ file: { GOPRIVATE: 'corp.example.com/[x' } }, 'pattern-never-matches', 'error');
});

test('suggest-goprivate: from module paths and git remotes, unless already covered', () => {
  const projects: ProjectFacts[] = [
    { dir: '/src/app', modulePath: 'git.corp.example.com/team/app', requires: [], remotes: ['git@github.com:acme/app.git', 'https://gitlab.com/acme/tools.git'] },
    { dir: '/src/tool', modulePath: 'example/local', requires: [], remotes: [] },
  ];
  const f = expectFinding({ projects }, 'suggest-goprivate', 'info');
  assert.match(en(f.fix!.text), /GOPRIVATE=git\.corp\.example\.com,github\.com\/acme,gitlab\.com\/acme/);
  const covered = runDoctor(snapshot({ projects, file: { GOPRIVATE: 'git.corp.example.com,github.com/acme,gitlab.com/acme' } }));
  assert.equal(covered.filter((x) => x.id === 'suggest-goprivate').length, 0);
});

test('go-too-old: "|" before go 1.15 (error), GOAUTH or keychain credentials before 1.24 (warning)', () => {
  expectFinding({ goVersion: 'go1.14.15', file: { GOPROXY: 'https://goproxy.cn|direct' } }, 'go-too-old', 'error');
  assert.equal(runDoctor(snapshot({ goVersion: 'go1.15.0', file: { GOPROXY: 'https://goproxy.cn|direct' } })).length, 0);
  const auth = expectFinding({ goVersion: 'go1.23.4', usesCredentials: true }, 'go-too-old', 'warning');
  assert.equal(auth.variable, 'GOAUTH');
  expectFinding({ goVersion: 'go1.19.8', file: { GOAUTH: 'netrc' } }, 'go-too-old', 'warning');
  assert.equal(runDoctor(snapshot({ goVersion: 'go1.24.0', usesCredentials: true })).length, 0);
});

test('netrc-permissions and https-proxy-in-use', () => {
  expectFinding({ netrcMode: 0o644 }, 'netrc-permissions', 'warning');
  assert.equal(runDoctor(snapshot({ netrcMode: 0o600 })).length, 0);
  const proxy = expectFinding({ os: { HTTPS_PROXY: 'http://user:hunter2@squid.corp:3128' } }, 'https-proxy-in-use', 'info');
  assert.doesNotMatch(JSON.stringify(proxy), /hunter2/);
  assert.equal(hasErrors([proxy]), false);
});

test('comma-no-failover: not for one private gatekeeper followed by "," on purpose; still for public mirrors after it', () => {
  assert.equal(runDoctor(snapshot({ file: { GOPROXY: 'https://athens.corp.example.com,https://proxy.golang.org,direct' } })).filter((f) => f.id === 'comma-no-failover').length, 0);
  const after = expectFinding({ file: { GOPROXY: 'https://athens.corp.example.com,https://goproxy.cn,https://proxy.golang.org,direct' } }, 'comma-no-failover', 'warning');
  assert.match(en(after.explanation), /^https:\/\/goproxy\.cn is followed by ","/);
  // Two private proxies: the first is not a lone gatekeeper.
  expectFinding({ file: { GOPROXY: 'https://a.corp.example.com,https://b.corp.example.com,direct' } }, 'comma-no-failover', 'warning');
});

test('project-file: what `goproxyctl lint` found in a --project dir, with its file and line', () => {
  const projects: ProjectFacts[] = [{
    dir: '/src/app', modulePath: 'example.com/app', requires: [], remotes: [],
    lint: [{ file: '/src/app/Dockerfile', line: 3, column: 5, rule: 'arg-out-of-scope', severity: 'error', variable: 'GOPROXY', value: 'ARG GOPROXY', whyMessage: msg('lint.arg-out-of-scope.why', { variable: 'GOPROXY', line: 1, stage: 'build' }), fixMessage: msg('lint.arg-out-of-scope.fix', { variable: 'GOPROXY' }), edits: [] }],
  }];
  const f = expectFinding({ projects }, 'project-file', 'error');
  assert.deepEqual(f.evidence, [{ kind: 'file', file: '/src/app/Dockerfile', line: 3, text: 'arg-out-of-scope: GOPROXY=ARG GOPROXY' }]);
  // lint's own words, and the way to let `goproxyctl lint --fix` do it when it can.
  assert.deepEqual(f.explanation, msg('lint.arg-out-of-scope.why', { variable: 'GOPROXY', line: 1, stage: 'build' }));
  assert.deepEqual(f.fix?.text, msg('lint.doctor.fix-by-lint', { fix: msg('lint.arg-out-of-scope.fix', { variable: 'GOPROXY' }) }));
  assert.match(render('zh-CN', f.explanation), /第 1 行的 ARG GOPROXY/);
});

test('findings are sorted errors first, and every finding id is exercised above', () => {
  const mixed = runDoctor(snapshot({ os: { HTTPS_PROXY: 'http://p:3128' }, file: { GOPROXY: 'https://gocenter.io|direct', GOSUMDB: 'off' } }));
  assert.deepEqual(mixed.map((f) => f.severity), ['error', 'warning', 'info']);
  assert.deepEqual([...covered].sort(), [...FINDING_IDS].sort());
});
