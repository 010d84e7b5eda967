// `goproxyctl lint` end to end: the built CLI on copies of the fixtures under a temporary HOME.
// Exit codes 0/1/2, --json errors, SARIF 2.1.0's required properties, --fix (diff first, then an
// undoable apply) and `goproxyctl undo` putting every byte back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { runCommand } from '../../support/go.js';
import { cliPath, repoRoot } from '../../support/paths.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');
let t: TempHome;

before(async () => {
  t = await makeTempHome('goproxyctl-lint-');
  await cp(fixtures, path.join(t.home, 'work'), { recursive: true });
});
after(() => t.cleanup());

const cli = (args: string[]): ReturnType<typeof runCommand> => runCommand(process.execPath, [cliPath, ...args], { env: t.env, cwd: path.join(t.home, 'work'), timeoutMs: 60_000 });

test('exit codes: 1 with findings, 0 without, 2 for a path that does not exist or a bad --format', async () => {
  const bad = await cli(['lint', 'dockerfile/bad']);
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stdout, /dockerfile\/bad\/Dockerfile:7:20: error pipe-unquoted-in-shell: GOPROXY=/);
  assert.match(bad.stdout, /fix \(--fix\): Quote the list/);
  const zh = await cli(['lint', 'dockerfile/bad', '--lang', 'zh']);
  assert.match(zh.stdout, /修复/);
  const good = await cli(['lint', 'dockerfile/good', 'shell/good', 'travis/good']);
  assert.equal(good.code, 0, good.stdout);
  const missing = await cli(['lint', 'no-such-dir', '--json']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^goproxyctl lint: .*no-such-dir: no such file or directory; give files or directories to check/);
  assert.equal((await cli(['lint', '--format', 'xml'])).code, 2);
});

test('--format sarif: the properties SARIF 2.1.0 requires, one result per finding', async () => {
  const json = JSON.parse((await cli(['lint', 'github-actions/bad', '--json'])).stdout) as { findings: { rule: string; line: number; column: number; file: string }[] };
  const run = await cli(['lint', 'github-actions/bad', '--format', 'sarif']);
  assert.equal(run.code, 1);
  const log = JSON.parse(run.stdout) as Record<string, unknown>;
  // The required properties of sarif-schema-2.1.0.json (no schema validator is installed here and
  // the tests have no network): sarifLog {version, runs}; run {tool}; tool {driver}; toolComponent
  // {name}; reportingDescriptor {id}; result {message}; message {text|id}; region startLine >= 1.
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  const runs = log.runs as Record<string, unknown>[];
  assert.ok(Array.isArray(runs) && runs.length === 1);
  const driver = (runs[0]!.tool as { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } }).driver;
  assert.equal(typeof driver.name, 'string');
  for (const r of driver.rules) {
    assert.equal(typeof r.id, 'string');
    assert.ok(r.shortDescription.text.length > 0);
  }
  const results = runs[0]!.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
  assert.equal(results.length, json.findings.length);
  results.forEach((r, i) => {
    assert.equal(typeof r.message.text, 'string');
    assert.ok(['none', 'note', 'warning', 'error'].includes(r.level));
    assert.equal(driver.rules[r.ruleIndex]!.id, r.ruleId);
    const loc = r.locations[0]!.physicalLocation;
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.equal(loc.artifactLocation.uri, json.findings[i]!.file);
    assert.deepEqual([r.ruleId, loc.region.startLine, loc.region.startColumn], [json.findings[i]!.rule, json.findings[i]!.line, json.findings[i]!.column]);
  });
});

test('--fix: shows the diff, makes only the certain edits, and `goproxyctl undo` restores every byte', async () => {
  const files = ['shell/bad/setup.sh', 'shell/bad/.envrc', 'dockerfile/bad/Dockerfile', 'github-actions/bad/.github/workflows/ci.yml'];
  const before = await Promise.all(files.map((f) => readFile(path.join(t.home, 'work', f), 'utf8')));
  const fixed = await cli(['lint', 'shell/bad', 'dockerfile/bad', 'github-actions/bad', '--fix']);
  assert.match(fixed.stdout, /^--- a\/shell\/bad\/setup\.sh/m);
  assert.match(fixed.stdout, /^\+export GOPROXY='localproxy\|direct'$/m);
  assert.match(fixed.stdout, /--fix: changed .*Undo with `goproxyctl undo`/);
  const after = await Promise.all(files.map((f) => readFile(path.join(t.home, 'work', f), 'utf8')));
  assert.match(after[0]!, /GOPROXY='https:\/\/goproxy\.cn\|https:\/\/goproxy\.io\|direct' go mod download/);
  assert.match(after[1]!, /^export GOPROXY='https:\/\/goproxy\.cn\|https:\/\/mirrors\.aliyun\.com\/goproxy\/,direct'$/m);
  assert.match(after[2]!, /^ARG GOPROXY=https:\/\/goproxy\.cn\|https:\/\/proxy\.golang\.org,direct$/m);
  assert.match(after[3]!, /GOPROXY: https:\/\/goproxy\.cn\|https:\/\/goproxy\.io,direct/);
  // What is not certain stays: the missing scheme, the removed flag, the out-of-scope ARG.
  const again = JSON.parse((await cli(['lint', 'shell/bad', 'dockerfile/bad', 'github-actions/bad', '--json'])).stdout) as { findings: { rule: string; fixable: boolean }[] };
  assert.deepEqual(again.findings.filter((f) => f.fixable), []);
  assert.ok(again.findings.some((f) => f.rule === 'missing-scheme') && again.findings.some((f) => f.rule === 'arg-out-of-scope'));
  // The fixed shell still parses, and now sets the variable.
  const sourced = await runCommand('bash', ['-c', `go() { :; }; . ./shell/bad/setup.sh 2>/dev/null; printf %s "$GOPROXY"`], { env: t.env, cwd: path.join(t.home, 'work') });
  assert.equal(sourced.stdout, 'localproxy|direct');
  const undo = await runCommand(process.execPath, [cliPath, 'undo'], { env: t.env, cwd: t.home, timeoutMs: 60_000 });
  assert.equal(undo.code, 0, undo.stdout + undo.stderr);
  assert.deepEqual(await Promise.all(files.map((f) => readFile(path.join(t.home, 'work', f), 'utf8'))), before);
});

test('doctor --project DIR reports the same findings as lint, with their file and line', async () => {
  const lint = JSON.parse((await cli(['lint', 'makefile/bad', '--json'])).stdout) as { findings: { file: string; line: number; rule: string }[] };
  const doctor = await cli(['doctor', '--project', 'makefile/bad', '--json']);
  const findings = (JSON.parse(doctor.stdout) as { findings: { id: string; evidence: { file: string; line: number; text: string }[] }[] }).findings.filter((f) => f.id === 'project-file');
  assert.deepEqual(
    findings.map((f) => `${path.relative(path.join(t.home, 'work'), f.evidence[0]!.file)}:${f.evidence[0]!.line} ${f.evidence[0]!.text.split(':')[0]}`).sort(),
    lint.findings.map((f) => `${f.file}:${f.line} ${f.rule}`).sort(),
  );
  assert.equal(doctor.code, 1, 'lint errors are doctor errors');
});
