// Differential tests: our ports of go's rules against the real go binaries (1.19, 1.23).
// Nothing here touches the network: GOPROXY=off / file:// proxies, and direct fetches
// only to *.invalid hosts, whose DNS lookups fail at once.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yazl from 'yazl';
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { parseGosumdb, noteKeyHash } from '../../../shared/go/gosumdb.js';
import { matchPrefixPatterns, pathMatch } from '../../../shared/go/match.js';
import { resolveChain, ERR_PROXY_OFF } from '../../../shared/go/chain.js';
import { base64StdEncode } from '../../../shared/util/base64.js';
import { createGoSandbox, downloadError, requiredGos, type GoSandbox } from './go-oracle.js';

const gos = requiredGos();

let sandbox: GoSandbox;
before(async () => {
  sandbox = await createGoSandbox();
});
after(async () => {
  await sandbox.close();
});

// [pattern, module path, expected]: the go-semantics.md table moved to *.invalid hosts (so a
// direct fetch fails instantly), plus character classes, ?, escapes, trailing slashes, bad patterns.
const PREFIX_CASES: [string, string, boolean][] = [
  ['*.corp.invalid', 'git.corp.invalid/x/y', true],
  ['*.corp.invalid', 'corp.invalid/x/y', false],
  ['corp.invalid', 'corp.invalid/a/b', true],
  ['hub.invalid/org', 'hub.invalid/organization/r', false],
  ['corp.invalid, other.invalid', 'other.invalid/a', false],
  ['CORP.invalid', 'corp.invalid/a', false],
  ['corp.invalid,other.invalid', 'other.invalid/a', true],
  ['corp.invalid/', 'corp.invalid/a', true],
  ['corp.invalid//', 'corp.invalid/a', false],
  ['corp.invalid/a/', 'corp.invalid/a/b', true],
  ['corp.invalid/*', 'corp.invalid/a/b', true],
  ['corp.invalid/*', 'corp.invalid', false],
  ['c?rp.invalid', 'corp.invalid/x', true],
  ['c?rp.invalid', 'crp.invalid/x', false],
  ['[a-c]orp.invalid', 'corp.invalid/x', true],
  ['[^a-c]orp.invalid', 'corp.invalid/x', false],
  ['[^a-c]orp.invalid', 'dorp.invalid/x', true],
  ['[', 'corp.invalid/x', false],
  ['*,[', 'corp.invalid/x', true],
  ['[,*', 'corp.invalid/x', true],
  ['c\\orp.invalid', 'corp.invalid/x', true],
  ['corp.invalid\\', 'corp.invalid/x', false],
  ['*', 'anything.invalid/x', true],
  ['*/*', 'corp.invalid/x/y', true],
  ['*/*', 'corp.invalid', false],
  ['corp.*', 'corp.invalid/x', true],
  ['*.invalid/x', 'a.invalid/x/y', true],
  ['*.invalid/x', 'a.invalid/y', false],
  [' corp.invalid', 'corp.invalid/x', false],
  [',', 'corp.invalid/x', false],
  ['corp.invalid/a/b/c', 'corp.invalid/a/b', false],
  ['*corp.invalid', 'xcorp.invalid/y', true],
  ['corp.invalid/A', 'corp.invalid/a', false],
  ['corp.invalid/A', 'corp.invalid/A', true],
  ['[a-]orp.invalid', 'corp.invalid/x', false],
  ['[]]orp.invalid', 'corp.invalid/x', false],
  ['co*id', 'corp.invalid', true],
  ['corp.invalid/x?', 'corp.invalid/xy/z', true],
  ['corp.invalid/x?', 'corp.invalid/x/z', false],
  ['[c-a]orp.invalid', 'corp.invalid/x', false],
  ['*[', 'corp.invalid/x', false],
  ['corp.invalid/[xy]', 'corp.invalid/y/z', true],
];

function directFailed(error: string | null): boolean {
  return error !== null && (error.includes('unrecognized import path') || error.includes('no such host'));
}

for (const go of gos) {
  describe(`go ${go.version}: MatchPrefixPatterns via GONOPROXY`, () => {
    test(`${PREFIX_CASES.length} pattern/path pairs agree with go and with the table`, async () => {
      const results = await Promise.all(
        PREFIX_CASES.map(async ([pattern, path, expected]) => {
          const error = await downloadError(sandbox, go, `${path}@v1.0.0`, { GOPROXY: 'off', GONOPROXY: pattern });
          return { pattern, path, expected, error };
        }),
      );
      for (const { pattern, path, expected, error } of results) {
        const goMatched = directFailed(error);
        if (!goMatched) assert.equal(error, ERR_PROXY_OFF, `go gave an unexpected error for ${pattern} / ${path}`);
        const label = `GONOPROXY=${JSON.stringify(pattern)} module ${path}`;
        assert.equal(goMatched, expected, `go disagrees with the expected table: ${label}`);
        assert.equal(matchPrefixPatterns(pattern, path), goMatched, `matchPrefixPatterns disagrees with go: ${label}`);
        // The whole chain model must produce the same verdict and, when not matched, go's exact error.
        const model = resolveChain({ goproxy: 'off', gonoproxy: pattern }, path, () => ({ kind: 'error', status: null, message: 'direct failed' }));
        assert.equal(model.error, goMatched ? 'direct failed' : ERR_PROXY_OFF, `chain model disagrees: ${label}`);
      }
    });
  });
}

const GOPROXY_ERROR_CASES = [
  'bogus',
  ',',
  ' ',
  ',, |',
  'localhost',
  '/abs/path',
  'ftp://h.invalid',
  'ftp://u:p@h.invalid/x',
  'c:/x',
  'file:/tmp/x',
  'file://host.invalid/x',
  'file:///tmp/x?q=1',
  'file:///tmp/x#frag',
  'https://a b.invalid',
  'https://h.invalid:port',
  'mailto:x',
  'https://h.invalid/%zz',
  'https://%41.invalid',
  'https://[::1',
  '://x',
  'https://h.invalid/\x7f',
  'https://u:p@h.invalid|bogus',
  'https://ok.invalid, bad entry',
];

// Values go accepts: the error must come from fetching, never from parsing.
const GOPROXY_ACCEPTED_CASES = ['off,bogus', 'direct|ftp://x', 'x.invalid:8080', 'HTTPS://x.invalid/p/', 'u:p@x.invalid', ' x.invalid , off ', 'file:///nonexistent/dir'];

for (const go of gos) {
  describe(`go ${go.version}: GOPROXY parsing`, () => {
    test(`${GOPROXY_ERROR_CASES.length} invalid values give go's exact error`, async () => {
      const results = await Promise.all(
        GOPROXY_ERROR_CASES.map(async (value) => ({ value, error: await downloadError(sandbox, go, 'x.invalid/m@v1.0.0', { GOPROXY: value }) })),
      );
      for (const { value, error } of results) {
        const parsed = parseGoproxy(value);
        assert.equal(parsed.ok, false, `we accepted GOPROXY=${JSON.stringify(value)}; go said ${error}`);
        if (!parsed.ok) assert.equal(parsed.error, error, `GOPROXY=${JSON.stringify(value)}`);
      }
    });
    test(`${GOPROXY_ACCEPTED_CASES.length} valid values are accepted by both`, async () => {
      for (const value of GOPROXY_ACCEPTED_CASES) {
        const error = await downloadError(sandbox, go, 'x.invalid/m@v1.0.0', { GOPROXY: value });
        assert.ok(parseGoproxy(value).ok, `we rejected GOPROXY=${JSON.stringify(value)}`);
        assert.ok(error !== null, 'the module cannot exist, so go must fail');
        assert.doesNotMatch(error, /invalid proxy URL|^parse "|GOPROXY list is not/, `go rejected GOPROXY=${JSON.stringify(value)}`);
      }
    });
  });
}

// [pattern, name] pairs for path.Match itself, including Go's "validate the rest" rule.
const PATH_MATCH_CASES: [string, string][] = [
  ['abc', 'abc'], ['*', 'abc'], ['*c', 'abc'], ['a*', 'a'], ['a*', 'abc'], ['a*', 'ab/c'],
  ['a*/b', 'abc/b'], ['a*/b', 'a/c/b'], ['a*b*c*d*e*/f', 'axbxcxdxe/f'], ['a*b*c*d*e*/f', 'axbxcxdxexxx/f'],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f'], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff'], ['a*b?c*x', 'abxbbxdbxebxczzx'],
  ['a*b?c*x', 'abxbbxdbxebxczzy'], ['ab[c]', 'abc'], ['ab[b-d]', 'abc'], ['ab[e-g]', 'abc'], ['ab[^c]', 'abc'],
  ['ab[^b-d]', 'abc'], ['ab[^e-g]', 'abc'], ['a\\*b', 'a*b'], ['a\\*b', 'ab'], ['a?b', 'a☺b'], ['a[^a]b', 'a☺b'],
  ['a???b', 'a☺b'], ['a[^a][^a][^a]b', 'a☺b'], ['[a-ζ]*', 'α'], ['*[a-ζ]', 'A'], ['a?b', 'a/b'], ['a*b', 'a/b'],
  ['[\\]a]', ']'], ['[\\-]', '-'], ['[x\\-]', 'x'], ['[x\\-]', '-'], ['[x\\-]', 'z'], ['[\\-x]', 'x'], ['[\\-x]', 'a'],
  ['[]a]', ']'], ['[-]', '-'], ['[x-]', 'x'], ['[-x]', 'x'], ['\\', 'a'], ['[a-b-c]', 'a'], ['[', 'a'], ['[^', 'a'],
  ['[^bc', 'a'], ['a[', 'a'], ['a[', 'ab'], ['a[', 'x'], ['a/b[', 'x'], ['*x', 'xxx'], ['a*[', 'abc'], ['x*\\', 'y'],
  ['', ''], ['', 'a'], ['*', ''], ['*/', 'a/'], ['[\u00ff-\u0100]', 'ÿ'],
];

const PATH_MATCH_PROGRAM = `package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		var pair [2]string
		if err := json.Unmarshal(in.Bytes(), &pair); err != nil {
			panic(err)
		}
		ok, err := path.Match(pair[0], pair[1])
		fmt.Println(ok, err != nil)
	}
}
`;

for (const go of gos) {
  describe(`go ${go.version}: path.Match`, () => {
    test(`${PATH_MATCH_CASES.length} pattern/name pairs agree with go's path.Match`, async () => {
      const dir = join(sandbox.dir, `pathmatch-${go.version}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'main.go'), PATH_MATCH_PROGRAM);
      const input = PATH_MATCH_CASES.map((c) => JSON.stringify(c)).join('\n') + '\n';
      const { stdout, stderr, code } = await sandbox.run(go, ['run', join(dir, 'main.go')], { GOFLAGS: '' }, input);
      assert.equal(code, 0, stderr);
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, PATH_MATCH_CASES.length);
      PATH_MATCH_CASES.forEach(([pattern, name], i) => {
        const [matched, bad] = (lines[i] ?? '').split(' ');
        const ours = pathMatch(pattern, name);
        assert.deepEqual(
          { matched: ours.matched, bad: ours.error === 'bad-pattern' },
          { matched: matched === 'true', bad: bad === 'true' },
          `path.Match(${JSON.stringify(pattern)}, ${JSON.stringify(name)})`,
        );
      });
    });
  });
}

/** A file:// module proxy holding tiny.invalid/m@v1.0.0, so go reaches the checksum step offline. */
async function writeTinyProxy(root: string): Promise<string> {
  const dir = join(root, 'tiny.invalid', 'm', '@v');
  await mkdir(dir, { recursive: true });
  const gomod = 'module tiny.invalid/m\n\ngo 1.19\n';
  await writeFile(join(dir, 'list'), 'v1.0.0\n');
  await writeFile(join(dir, 'v1.0.0.info'), '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n');
  await writeFile(join(dir, 'v1.0.0.mod'), gomod);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(gomod), 'tiny.invalid/m@v1.0.0/go.mod');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(join(dir, 'v1.0.0.zip'), Buffer.concat(chunks));
  return 'file://' + root;
}

/** A verifier key "name+hash+base64(alg || key)" whose hash we compute; go checks it. */
function verifierKey(name: string, alg: number, keyLength: number): string {
  const key = new Uint8Array(1 + keyLength).fill(7);
  key[0] = alg;
  return `${name}+${noteKeyHash(name, key).toString(16).padStart(8, '0')}+${base64StdEncode(key)}`;
}

const GOSUMDB_CASES = [
  ' ',
  'a b c',
  'goproxy.cn/sumdb/sum.golang.org',
  'sum.golang.org+00000000+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
  'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn',
  verifierKey('sumdb.invalid', 2, 32),
  verifierKey('sumdb.invalid', 1, 31),
  verifierKey('sumdb.invalid/', 1, 32),
  verifierKey('sumdb.invalid?x', 1, 32),
  verifierKey('sumdb.invalid/a%2Fb', 1, 32),
  verifierKey('u:p@sumdb.invalid', 1, 32),
  'sum.golang.org https://x.invalid/%zz',
  // Valid forms: go goes on to the network, to the URL our model predicts.
  'sum.golang.google.cn',
  'sum.golang.org https://mirror.invalid/sumdb/sum.golang.org',
  verifierKey('sumdb.invalid', 1, 32),
  verifierKey('sumdb.invalid/sub/path', 1, 32) + ' https://other.invalid/x',
];

for (const go of gos) {
  describe(`go ${go.version}: GOSUMDB parsing`, () => {
    test(`${GOSUMDB_CASES.length} GOSUMDB values agree with go (errors verbatim, or the URL go dials)`, async () => {
      const proxy = await writeTinyProxy(join(sandbox.dir, `proxy-${go.version}`));
      const results = await Promise.all(
        GOSUMDB_CASES.map(async (value) => ({
          value,
          // A separate module cache per value: go caches nothing for a failed check, but be explicit.
          error: await downloadError(sandbox, go, 'tiny.invalid/m@v1.0.0', { GOPROXY: proxy, GOSUMDB: value, GOMODCACHE: join(sandbox.dir, 'mc', go.version, String(GOSUMDB_CASES.indexOf(value))) }),
        })),
      );
      for (const { value, error } of results) {
        assert.ok(error !== null && error.startsWith('verifying go.mod: '), `GOSUMDB=${value}: go said ${error}`);
        const goError = error.slice('verifying go.mod: '.length);
        const parsed = parseGosumdb(value);
        if (!parsed.ok) {
          assert.equal(parsed.error, goError, `GOSUMDB=${JSON.stringify(value)}`);
          continue;
        }
        assert.equal(parsed.value.kind, 'db');
        if (parsed.value.kind !== 'db') continue;
        const base = parsed.value.url ?? `https://${parsed.value.name}`;
        assert.ok(goError.includes(`Get "${base}/lookup/tiny.invalid/m@v1.0.0"`), `GOSUMDB=${JSON.stringify(value)}: we predicted ${base}, go said ${goError}`);
      }
    });
  });
}

for (const go of gos) {
  test(`go ${go.version}: a sumdb name url.Parse rejects crashes go; we report it as invalid`, async () => {
    const proxy = await writeTinyProxy(join(sandbox.dir, `proxy-crash-${go.version}`));
    const value = verifierKey('sumdb.invalid/%zz', 1, 32);
    const { stderr } = await sandbox.run(go, ['mod', 'download', '-json', 'tiny.invalid/m@v1.0.0'], { GOPROXY: proxy, GOSUMDB: value });
    assert.match(stderr, /panic: runtime error: invalid memory address or nil pointer dereference/);
    assert.match(stderr, /modfetch\.dbDial/);
    const parsed = parseGosumdb(value);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.error, /^invalid sumdb name \(must be host\[\/path\]\): sumdb\.invalid\/%zz \(parse "https:\/\/sumdb\.invalid\/%zz": invalid URL escape "%zz"/);
  });
}

const MODULE_PATH_CASES = ['foo/bar', 'Foo.invalid/x', 'x.invalid//m', 'x.invalid/m/v1', 'x.invalid/.m', 'x.invalid/con', 'x.invalid/a~1', 'x.invalid/m/v2', 'std', 'cmd'];

for (const go of gos) {
  test(`go ${go.version}: module path checks and std/cmd give go's errors (${MODULE_PATH_CASES.length} paths)`, async () => {
    for (const path of MODULE_PATH_CASES) {
      const error = await downloadError(sandbox, go, `${path}@v1.0.0`, { GOPROXY: 'off' });
      const model = resolveChain({ goproxy: 'off', gonoproxy: '' }, path, () => ({ kind: 'ok' }), 'v1.0.0');
      assert.equal(model.error, error, `module ${path}`);
    }
  });
}
