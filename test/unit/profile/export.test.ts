// Export snippets: syntax checked by the real tools available (bash -n, bash itself, python's YAML
// parser when present) and by a structural check; values survive quoting; no secret ever appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinProfile, type Profile } from '../../../shared/profile/index.js';
import { EXPORT_FORMATS, exportProfile } from '../../../electron/core/export/snippets.js';

// A value with every character that breaks naive quoting.
const AWKWARD = `-ldflags=-X 'main.v=1' "q" $HOME \\ \`x\` \${{ y }}`;
const withCreds: Profile = {
  ...builtinProfile('global')!,
  id: 'team',
  name: 'Team "A"\nline',
  goproxy: [{ url: 'https://athens.corp.example.com', separator: '|' }, { url: 'https://proxy.golang.org', separator: ',' }, { url: 'direct' }],
  goprivate: 'git.corp.example.com',
  goflags: AWKWARD,
  credentials: [{ origin: 'https://athens.corp.example.com' }],
};

function pythonYaml(text: string): unknown {
  const probe = spawnSync('python3', ['-c', 'import yaml'], { timeout: 10_000 });
  if (probe.status !== 0) return undefined;
  const out = execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], { input: text, timeout: 10_000 });
  return JSON.parse(out.toString()) as unknown;
}

/** A small structural YAML check: 2-space indentation steps, "key: value" or "- item" lines, quoted scalars are JSON strings. */
function checkYamlShape(text: string): void {
  let prevIndent = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    assert.equal(indent % 2, 0, `odd indentation: ${line}`);
    assert.ok(indent <= prevIndent + 4, `indentation jumps: ${line}`);
    prevIndent = indent;
    const body = line.trim();
    const m = /^(?:- )?(?:([A-Za-z_.][\w.-]*):(?: (.*))?|(.*))$/.exec(body)!;
    const scalar = m[2] ?? (body.startsWith('- ') ? m[3] : undefined);
    if (scalar?.startsWith('"')) JSON.parse(scalar);
  }
}

test('every format renders every built-in that is ready to apply', () => {
  for (const id of ['china', 'global', 'offline']) for (const f of EXPORT_FORMATS) assert.ok(exportProfile(builtinProfile(id)!, f).text.length > 0);
  assert.throws(() => exportProfile(builtinProfile('corporate')!, 'docker'), /template: goproxy\[0\]\.url: replace <PRIVATE_PROXY_URL>/);
});

test('shell and direnv: bash -n accepts them, and sourcing gives back the exact values', () => {
  for (const format of ['shell', 'direnv'] as const) {
    const { text } = exportProfile(withCreds, format);
    execFileSync('bash', ['-n'], { input: text, timeout: 10_000 });
    const out = execFileSync('bash', ['-c', `${text}\nprintf '%s\\0' "$GOPROXY" "$GOFLAGS" "\${GONOPROXY-unset}"`], { env: { PATH: process.env.PATH, GONOPROXY: 'stale' }, timeout: 10_000 }).toString();
    // direnv (bash) unsets; the shell snippet also runs in fish, which has no `unset`: it exports
    // an empty value, which go treats as unset.
    assert.deepEqual(out.split('\0').slice(0, 3), ['https://athens.corp.example.com|https://proxy.golang.org,direct', AWKWARD, format === 'direnv' ? 'unset' : '']);
    assert.doesNotMatch(text, /\n[^#\n]*line/, 'a newline in the name stays inside the comment');
  }
});

test('github-actions: valid YAML with the exact values and credentials only as secrets references', () => {
  const { text, secrets } = exportProfile(withCreds, 'github-actions');
  checkYamlShape(text);
  assert.deepEqual(secrets, ['GOPROXY_USER', 'GOPROXY_TOKEN']);
  assert.match(text, /GOPROXY_TOKEN: \$\{\{ secrets\.GOPROXY_TOKEN \}\}/);
  const parsed = pythonYaml(text) as { env: Record<string, string>; jobs: { build: { steps: { run?: string; env?: object }[] } } } | undefined;
  if (parsed) {
    assert.equal(parsed.env.GOPROXY, 'https://athens.corp.example.com|https://proxy.golang.org,direct');
    assert.equal(parsed.env.GOFLAGS, AWKWARD.replace('${{', "${{ '${{' }}"));
    const credentials = parsed.jobs.build.steps.find((s) => s.env !== undefined)!;
    execFileSync('bash', ['-n'], { input: credentials.run!, timeout: 10_000 });
  }
});

test('gitlab-ci: valid YAML, "$" doubled so GitLab does not expand it, credentials from CI variables', () => {
  const { text } = exportProfile(withCreds, 'gitlab-ci');
  checkYamlShape(text);
  const parsed = pythonYaml(text) as { variables: Record<string, string>; '.goproxy-credentials': { before_script: string[] } } | undefined;
  if (parsed) {
    assert.equal(parsed.variables.GOFLAGS, AWKWARD.replace(/\$/g, '$$$$'));
    assert.equal(parsed.variables.GOPRIVATE, 'git.corp.example.com');
    execFileSync('bash', ['-n'], { input: parsed['.goproxy-credentials'].before_script.join('\n'), timeout: 10_000 });
    assert.match(parsed['.goproxy-credentials'].before_script[0]!, /"\$GOPROXY_TOKEN"/);
  }
});

test('docker: ARG/ENV lines with escaped values, credentials through a BuildKit secret', () => {
  const { text } = exportProfile(withCreds, 'docker');
  for (const line of text.split('\n')) if (line !== '') assert.match(line, /^(#|ARG |ENV |COPY go\.mod go\.sum \.\/$|RUN --mount=type=secret|\s+[A-Z_]+=\$[A-Z_]+)/, line);
  assert.ok(text.includes(`ARG GOFLAGS="-ldflags=-X 'main.v=1' \\"q\\" \\$HOME \\\\ \`x\` \\\${{ y }}"`));
  assert.match(text, /COPY go\.mod go\.sum \.\/\nRUN --mount=type=secret,id=netrc NETRC=\/run\/secrets\/netrc go mod download/);
});

test('several credentials get one secret pair per host', () => {
  const two = { ...withCreds, credentials: [{ origin: 'https://athens.corp.example.com' }, { origin: 'https://nexus.corp.example.com:8443' }] };
  assert.deepEqual(exportProfile(two, 'github-actions').secrets, [
    'GOPROXY_USER_ATHENS_CORP_EXAMPLE_COM', 'GOPROXY_TOKEN_ATHENS_CORP_EXAMPLE_COM', 'GOPROXY_USER_NEXUS_CORP_EXAMPLE_COM_8443', 'GOPROXY_TOKEN_NEXUS_CORP_EXAMPLE_COM_8443',
  ]);
});
