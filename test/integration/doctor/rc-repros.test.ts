// The rc-editing repros of issue 11 (items 1-5), each end to end: the built CLI under a temporary
// HOME, then new bash, zsh and fish terminals started the way a user's would be. A tripwire
// `goproxyctl` on PATH records any call, so "no new command runs" is checked, not assumed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, test } from 'node:test';
import { builtinProfile, profileGoproxy } from '../../../shared/profile/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';

const run = promisify(execFile);
const CHINA_GOPROXY = profileGoproxy(builtinProfile('china')!);
const FAKE = 'https://fake.example.com';

let t: TempHome;
let env: NodeJS.ProcessEnv;
let tripwireLog: string;

beforeEach(async () => {
  t = await makeTempHome();
  const bin = path.join(t.home, 'tripwire-bin');
  tripwireLog = path.join(t.home, 'tripwire.log');
  await mkdir(bin, { recursive: true });
  await writeFile(path.join(bin, 'goproxyctl'), `#!/bin/sh\necho "goproxyctl $*" >> '${tripwireLog}'\n`);
  await chmod(path.join(bin, 'goproxyctl'), 0o755);
  await mkdir(path.join(t.home, '.config', 'go'), { recursive: true });
  await writeFile(path.join(t.home, '.config', 'go', 'env'), 'GOPROXY=https://proxy.golang.org|direct\n');
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${bin}:${path.dirname(GO123)}:${t.env.PATH}` };
  await run(GO123, ['env', 'GOVERSION'], { env }); // go 1.23 creates its telemetry dir once
});
afterEach(() => t.cleanup());

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { ...env, ...extra }, cwd: t.home, timeoutMs: 90_000 });
}

const home = (...p: string[]): string => path.join(t.home, ...p);

/** A new interactive terminal of that shell: what it prints, and its stderr. */
async function terminal(shell: 'bash' | 'zsh' | 'fish', script: string): Promise<{ stdout: string; stderr: string }> {
  const args = shell === 'fish' ? ['--interactive', '-c', script] : ['-i', '-c', script];
  const clean = { ...env };
  delete clean.GOPROXY;
  const r = await runCommand(shell, args, { env: clean, cwd: t.home, timeoutMs: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr };
}

async function tripwireCalls(): Promise<string> {
  return readFile(tripwireLog, 'utf8').catch(() => '');
}

interface DoctorFixJson {
  fix: { moved: Record<string, string>; cleared: string[]; profile: string | null; commented: string[]; skipped: string[]; warnings: string[]; applyId: string | null; terminals: { shell: string; checked: boolean; differences: unknown[] }[] };
}

test('1. an export inside a multi-line string or a heredoc is left alone: new shells run nothing new', async () => {
  const rc = `# E\nMSG="hello\nexport GOPROXY=${FAKE}\nbye"\nread -r -d '' DOC <<EOF || true\nexport GOPROXY=${FAKE}\nEOF\n`;
  await writeFile(home('.bashrc'), rc);
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE });
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.equal(out.fix.applyId, null, r.stdout);
  assert.match(out.fix.skipped.join('\n'), /\.bashrc:3 \(it is text inside a multi-line quoted string, not a command\).*\.bashrc:6 \(it is text inside a here-document, not a command\)/);
  assert.equal(await readFile(home('.bashrc'), 'utf8'), rc, 'the file is untouched');
  const shell = await terminal('bash', 'printf "%s|%s" "$MSG" "$DOC"');
  assert.equal(shell.stdout, `hello\nexport GOPROXY=${FAKE}\nbye|export GOPROXY=${FAKE}`);
  assert.equal(await tripwireCalls(), '');
  // Without GOPROXY in the environment nothing is even reported: the string assigns nothing.
  const quiet = JSON.parse((await cli(['doctor', '--json'])).stdout) as { findings: { id: string }[] };
  assert.equal(quiet.findings.filter((f) => f.id === 'shadowed-by-os-env').length, 0);
});

test('1. the marker doctor --fix writes is inert: no quote, backquote, $ or ; (and it never lands in a string)', async () => {
  const rc = `export GOPROXY=${FAKE}\nMSG="keep\nexport GOPROXY=${FAKE}\nme"\n`;
  await writeFile(home('.bashrc'), rc);
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE });
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.deepEqual(out.fix.commented, [`${home('.bashrc')}:1`]);
  assert.match(out.fix.warnings.join('\n'), /left alone .*\.bashrc:3 \(it is text inside a multi-line quoted string/);
  const after = await readFile(home('.bashrc'), 'utf8');
  const marker = after.split('\n')[0]!.slice(0, -`export GOPROXY=${FAKE}`.length);
  assert.match(marker, /^# [A-Za-z ,:-]+: $/);
  assert.ok(after.includes(`MSG="keep\nexport GOPROXY=${FAKE}\nme"\n`), 'the string is byte for byte what it was');
  const shell = await terminal('bash', 'printf "%s|%s" "$MSG" "$GOPROXY"');
  assert.equal(shell.stdout, `keep\nexport GOPROXY=${FAKE}\nme|${FAKE}`);
  assert.equal(await tripwireCalls(), '');
});

test('2. an export inside if/fi is reported and left alone: the file still parses, the go env file is untouched', async () => {
  const rc = `if [ -n "$X" ]; then\n  export GOPROXY=${FAKE}\nfi\nalias ll='ls -l'\n`;
  await writeFile(home('.bashrc'), rc);
  const goEnvBefore = await readFile(home('.config', 'go', 'env'));
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.deepEqual(out.fix.moved, {});
  assert.match(out.fix.skipped[0]!, /\.bashrc:2 \(it is inside a condition \(if, case, && or \|\|\), so it runs only sometimes\)/);
  assert.equal(await readFile(home('.bashrc'), 'utf8'), rc);
  assert.ok((await readFile(home('.config', 'go', 'env'))).equals(goEnvBefore));
  await run('bash', ['-n', home('.bashrc')]);
});

test('3. CRLF .bashrc and .zshrc: use writes a block the shells run; undo is byte-exact', async () => {
  const bashrc = Buffer.from('# windows editor\r\nalias ll="ls -l"\r\nexport EDITOR=vim\r\n');
  const zshrc = Buffer.from('setopt autocd\r\nexport PAGER=less'); // CRLF and no final newline
  await writeFile(home('.bashrc'), bashrc);
  await writeFile(home('.zshrc'), zshrc);
  const r = await cli(['use', 'china', '--shells', 'bash,zsh', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const verification = (JSON.parse(r.stdout) as { verification: { ok: boolean; terminals: { shell: string; checked: boolean; differences: unknown[] }[] } }).verification;
  assert.equal(verification.ok, true);
  assert.deepEqual(verification.terminals.map((x) => [x.shell, x.checked, x.differences.length]), [['bash', true, 0], ['zsh', true, 0]]);
  for (const shell of ['bash', 'zsh'] as const) {
    const seen = await terminal(shell, 'printf %s "$GOPROXY"');
    assert.equal(seen.stdout, CHINA_GOPROXY, `${shell}: ${seen.stderr}`);
    assert.doesNotMatch(seen.stderr, /env\.sh/);
  }
  assert.equal((await cli(['undo'])).code, 0);
  assert.ok((await readFile(home('.bashrc'))).equals(bashrc));
  assert.ok((await readFile(home('.zshrc'))).equals(zshrc));
});

test('3. CRLF: doctor --fix comments out a CRLF line and a new bash gets the value from the LF block', async () => {
  const rc = Buffer.from(`alias ll="ls -l"\r\nexport GOPROXY=${FAKE}\r\n`);
  await writeFile(home('.bashrc'), rc);
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE });
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.deepEqual(out.fix.moved, { GOPROXY: FAKE });
  assert.deepEqual(out.fix.terminals.map((x) => [x.shell, x.checked, x.differences.length]), [['bash', true, 0]]);
  const seen = await terminal('bash', 'printf %s "$GOPROXY"');
  assert.equal(seen.stdout, FAKE, seen.stderr);
  assert.equal((await cli(['undo'])).code, 0);
  assert.ok((await readFile(home('.bashrc'))).equals(rc));
});

test('4. a continued export: every line is commented out, the joined value moves, no "command not found"', async () => {
  const rc = 'export GOPROXY=https://goproxy.cn\\\n,direct\nalias ll="ls -l"\n';
  await writeFile(home('.bashrc'), rc);
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: 'https://goproxy.cn,direct' });
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.deepEqual(out.fix.moved, { GOPROXY: 'https://goproxy.cn,direct' });
  assert.deepEqual(out.fix.commented, [`${home('.bashrc')}:1-2`]);
  const seen = await terminal('bash', 'printf %s "$GOPROXY"');
  assert.equal(seen.stdout, 'https://goproxy.cn,direct');
  assert.doesNotMatch(seen.stderr, /command not found/);
  assert.equal((await cli(['undo'])).code, 0);
  assert.equal(await readFile(home('.bashrc'), 'utf8'), rc);
});

test('5. use china warns, doctor --fix makes china win (not the stale line), profiles list still * china', async () => {
  await writeFile(home('.bashrc'), '# mine\n');
  assert.equal((await cli(['use', 'global', '--shells', 'bash'])).code, 0);
  await appendFile(home('.bashrc'), `export GOPROXY=${FAKE}\n`);
  const use = await cli(['use', 'china', '--shells', 'bash', '--json']);
  assert.equal(use.code, 1, use.stdout + use.stderr);
  const warning = (JSON.parse(use.stdout) as { verification: { mismatches: { context: string; line: number | null; message: string }[] } }).verification.mismatches.find((m) => m.context === 'bash')!;
  assert.equal(warning.line, 6);
  assert.match(warning.message, /\.bashrc line 6 \(export GOPROXY=https:\/\/fake\.example\.com\) overrides the profile; remove that line, or run `goproxyctl doctor --fix`$/);

  // The user's terminal sourced that line, so the doctor runs with it in its environment.
  const fix = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE });
  const out = JSON.parse(fix.stdout) as DoctorFixJson;
  assert.equal(out.fix.profile, 'china');
  assert.deepEqual(out.fix.moved.GOPROXY, CHINA_GOPROXY);
  assert.deepEqual(out.fix.commented, [`${home('.bashrc')}:6`]);
  assert.deepEqual(out.fix.terminals.map((x) => [x.shell, x.checked, x.differences.length]), [['bash', true, 0]]);
  const seen = await terminal('bash', 'printf %s "$GOPROXY"');
  assert.equal(seen.stdout, CHINA_GOPROXY);
  const goSays = await run(GO123, ['env', 'GOPROXY'], { env });
  assert.equal(goSays.stdout.trim(), CHINA_GOPROXY);
  const list = await cli(['profiles', 'list']);
  assert.match(list.stdout, /^\* china\b/m);
});

test('5. without a profile, doctor --fix keeps what go sees (the line\'s own value moves)', async () => {
  await writeFile(home('.bashrc'), `export GOPROXY=${FAKE}\n`);
  const out = JSON.parse((await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE })).stdout) as DoctorFixJson;
  assert.equal(out.fix.profile, null);
  assert.deepEqual(out.fix.moved, { GOPROXY: FAKE });
  assert.equal((await terminal('bash', 'printf %s "$GOPROXY"')).stdout, FAKE);
});

test('fish: an export inside a block is left alone; a top-level one is fixed and fish still reads the file', async () => {
  const config = home('.config', 'fish', 'config.fish');
  await mkdir(path.dirname(config), { recursive: true });
  const text = `if status is-interactive\n    set -gx GOSUMDB off\nend\nset -gx GOPROXY ${FAKE}\n`;
  await writeFile(config, text);
  const r = await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE, GOSUMDB: 'off' });
  const out = JSON.parse(r.stdout) as DoctorFixJson;
  assert.deepEqual(out.fix.moved, { GOPROXY: FAKE });
  assert.match(out.fix.skipped.join('\n'), /config\.fish:2 \(it is inside a condition/);
  await run('fish', ['--no-execute', config]);
  const seen = await terminal('fish', 'printf %s "$GOPROXY"');
  assert.equal(seen.stdout, FAKE, seen.stderr);
  assert.ok((await stat(config)).isFile());
  assert.equal((await cli(['undo'])).code, 0);
  assert.equal(await readFile(config, 'utf8'), text);
});

test('5. with a profile active, a conditional export after the block is outrun: the block moves after it', async () => {
  await writeFile(home('.bashrc'), '# mine\n');
  assert.equal((await cli(['use', 'china', '--shells', 'bash'])).code, 0);
  await appendFile(home('.bashrc'), `if [ -z "$CI" ]; then\n  export GOPROXY=${FAKE}\nfi\nalias ll='ls -l'\n`);
  const edited = await readFile(home('.bashrc'));
  const use = await cli(['use', 'china', '--shells', 'bash', '--json']);
  assert.equal(use.code, 1);
  const warning = (JSON.parse(use.stdout) as { verification: { mismatches: { context: string; message: string }[] } }).verification.mismatches.find((m) => m.context === 'bash')!;
  assert.match(warning.message, /line 7 \(export GOPROXY=https:\/\/fake\.example\.com\) overrides the profile; change it by hand, or run `goproxyctl doctor --fix`, which leaves it as it is \(it is inside a condition/);

  const doctor = JSON.parse((await cli(['doctor', '--json'], { GOPROXY: FAKE })).stdout) as { findings: { id: string; fix?: { automatic: boolean; text: string } }[] };
  const finding = doctor.findings.find((f) => f.id === 'shadowed-by-os-env')!;
  assert.equal(finding.fix?.automatic, true);
  assert.match(finding.fix.text, /moves goproxyctl's managed block to the end of .*\.bashrc so that it comes after .*\.bashrc:7/);

  const out = JSON.parse((await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE })).stdout) as DoctorFixJson & { fix: { outrun: string[] } };
  assert.deepEqual(out.fix.commented, []);
  assert.deepEqual(out.fix.outrun, [`${home('.bashrc')}:7`]);
  assert.deepEqual(out.fix.terminals.map((x) => [x.shell, x.checked, x.differences.length]), [['bash', true, 0]]);
  const after = await readFile(home('.bashrc'), 'utf8');
  assert.ok(after.startsWith(`# mine\nif [ -z "$CI" ]; then\n  export GOPROXY=${FAKE}\nfi\nalias ll='ls -l'\n# >>> goproxyctl >>>\n`), after);
  assert.equal((await terminal('bash', 'printf %s "$GOPROXY"')).stdout, CHINA_GOPROXY);
  assert.equal((await cli(['undo'])).code, 0);
  assert.ok((await readFile(home('.bashrc'))).equals(edited));
});

test('use verifies new zsh and fish terminals too, and names the line that overrides the profile in each', async () => {
  await writeFile(home('.zshrc'), `export GOPROXY=${FAKE}\n`);
  const config = home('.config', 'fish', 'config.fish');
  await mkdir(path.dirname(config), { recursive: true });
  await writeFile(config, `set -gx GOPROXY ${FAKE}\n`);
  // use appends the block to .zshrc (after the export, so zsh gets the profile); fish reads
  // config.fish after conf.d, so there the old line wins.
  const use = await cli(['use', 'china', '--shells', 'zsh,fish', '--json']);
  assert.equal(use.code, 1, use.stdout + use.stderr);
  const v = (JSON.parse(use.stdout) as { verification: { terminals: { shell: string; checked: boolean; differences: unknown[] }[]; mismatches: { context: string; path: string | null; line: number | null; message: string }[] } }).verification;
  assert.deepEqual(v.terminals.map((x) => [x.shell, x.checked, x.differences.length]), [['zsh', true, 0], ['fish', true, 1]]);
  const fish = v.mismatches.find((m) => m.context === 'fish')!;
  assert.equal(fish.path, config);
  assert.equal(fish.line, 1);
  assert.match(fish.message, /^a new fish terminal gets GOPROXY="https:\/\/fake\.example\.com" instead of ".*": .*config\.fish line 1 \(set -gx GOPROXY https:\/\/fake\.example\.com\) overrides the profile; remove that line, or run `goproxyctl doctor --fix`$/);
  // And doctor --fix does what that advice promises.
  const out = JSON.parse((await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE })).stdout) as DoctorFixJson;
  assert.equal(out.fix.profile, 'china');
  assert.ok(out.fix.commented.includes(`${config}:1`), out.fix.commented.join(', '));
  assert.equal((await terminal('fish', 'printf %s "$GOPROXY"')).stdout, CHINA_GOPROXY);
  assert.equal((await terminal('zsh', 'printf %s "$GOPROXY"')).stdout, CHINA_GOPROXY);
});

test('what a startup file prints while a terminal starts is reported with its control characters escaped, never raw', async () => {
  await writeFile(home('.bashrc'), `printf '\\033]0;title\\007boom\\n' >&2\nexport GOPROXY=${FAKE}\n`);
  const out = JSON.parse((await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE })).stdout) as DoctorFixJson & { fix: { terminals: { stderr: string }[] } };
  // The shared terminal-safe rule: shown escaped (so the user sees they were there), never sent raw.
  assert.equal(out.fix.terminals[0]?.stderr, '\\x1b]0;title\\x07boom');
});

test('a file that does not parse is not touched, and the report says where it does not parse', async () => {
  const rc = `export GOPROXY=${FAKE}\nif true; then\n  :\n`;
  await writeFile(home('.bashrc'), rc);
  const out = JSON.parse((await cli(['doctor', '--fix', '--json'], { GOPROXY: FAKE })).stdout) as DoctorFixJson;
  assert.equal(out.fix.applyId, null);
  assert.match(out.fix.skipped[0]!, /\.bashrc:1 \(the file could not be parsed \(line \d+: .+\), so goproxyctl does not edit it\)/);
  assert.equal(await readFile(home('.bashrc'), 'utf8'), rc);
});
