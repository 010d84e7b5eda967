// The lab itself: what its proxies serve, and that each fault does what it says. Other suites
// trust the lab to stand in for real proxies, so it is checked against the protocol and against
// Node's own HTTP/TLS clients here.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { after, before, describe, test } from 'node:test';
import { faultsApplyTo, readZipEntries, SCENARIOS, startControlServer, startLab, validateFaultSpec } from '../../lab/index.js';
import type { Lab } from '../../lab/index.js';
import { LabProxyServer } from '../../lab/server.js';
import { repoRoot } from '../../support/paths.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET with a hard deadline; rejects with the socket error's code. */
function get(url: string, opts: { ca?: string; timeoutMs?: number; auth?: string; method?: string } = {}): Promise<Answer> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.auth) headers.authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    const req = client.request(url, { method: opts.method ?? 'GET', headers, agent: false, ...(opts.ca ? { ca: opts.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs ?? 5000, () => req.destroy(Object.assign(new Error('lab test timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end();
  });
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
  return 'no error';
}

describe('fault path selection', () => {
  test('a plain path is a substring, even when it starts and contains slashes', () => {
    assert.equal(faultsApplyTo({ paths: '/@v/list' }, '/lab.invalid/multi/@v/list'), true);
    assert.equal(faultsApplyTo({ paths: '/@v/list' }, '/lab.invalid/multi/@v/v1.0.0.info'), false);
  });
  test('/regex/flags is a regular expression', () => {
    assert.equal(faultsApplyTo({ paths: '/\\.info$/' }, '/m/@v/v1.0.0.info'), true);
    assert.equal(faultsApplyTo({ paths: '/\\.info$/' }, '/m/@v/v1.0.0.info.zip'), false);
    assert.equal(faultsApplyTo({ paths: '/BIGCORP/i' }, '/lab.invalid/!big!corp/tool/@v/list'), false);
    assert.equal(faultsApplyTo({ paths: '/!BIG!CORP/i' }, '/lab.invalid/!big!corp/tool/@v/list'), true);
  });
  test('the control API refuses malformed specs with a reason', () => {
    assert.deepEqual(validateFaultSpec({ status: 999 }), { ok: false, error: 'status must be an HTTP status code (100-599)' });
    assert.equal(validateFaultSpec({ mode: 'explode' }).ok, false);
    assert.equal(validateFaultSpec({ latency: 5 }).ok, false);
    assert.equal(validateFaultSpec({ paths: '/@v/list', status: 404 }).ok, true);
  });
});

describe('a healthy lab proxy speaks the Go module proxy protocol', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ proxies: [{ name: 'p', sumdb: true }, { name: 'q', modules: ['lab.invalid/multi'] }] });
  });
  after(() => lab.close());

  test('an upper-case module path is served only under its escaped form', async () => {
    assert.ok(lab.modules.some((m) => m.path === 'lab.invalid/BigCorp/Tool'));
    const escaped = await get(`${lab.proxies.p!.url}/lab.invalid/!big!corp/!tool/@v/list`);
    assert.equal(escaped.status, 200);
    assert.equal(escaped.body.toString(), 'v1.0.0\n');
    assert.equal((await get(`${lab.proxies.p!.url}/lab.invalid/BigCorp/Tool/@v/list`)).status, 404);
  });

  test('@v/list, @latest, .info, .mod and a .zip whose entries carry the module@version/ prefix', async () => {
    const base = `${lab.proxies.p!.url}/lab.invalid/multi`;
    assert.equal((await get(`${base}/@v/list`)).body.toString(), 'v1.0.0\nv1.1.0\n');
    const latest = JSON.parse((await get(`${base}/@latest`)).body.toString()) as { Version: string; Time: string };
    assert.equal(latest.Version, 'v1.1.0');
    assert.ok(!Number.isNaN(Date.parse(latest.Time)), 'Time is RFC 3339');
    const info = JSON.parse((await get(`${base}/@v/v1.0.0.info`)).body.toString()) as { Version: string };
    assert.equal(info.Version, 'v1.0.0');
    assert.match((await get(`${base}/@v/v1.0.0.mod`)).body.toString(), /^module lab\.invalid\/multi\n/);
    const zip = await get(`${base}/@v/v1.1.0.zip`);
    assert.equal(zip.headers['content-type'], 'application/zip');
    const names = readZipEntries(zip.body).map((e) => e.name).sort();
    assert.deepEqual(names, ['lab.invalid/multi@v1.1.0/go.mod', 'lab.invalid/multi@v1.1.0/multi.go']);
    assert.deepEqual(lab.proxies.p!.servedModules(), ['lab.invalid/multi@v1.1.0']);
    assert.equal((await get(`${base}/@v/v9.9.9.info`)).status, 404);
  });

  test('the checksum database "supported" probe and a module allow-list', async () => {
    assert.equal((await get(`${lab.proxies.p!.url}/sumdb/sum.golang.org/supported`)).status, 200);
    assert.equal((await get(`${lab.proxies.q!.url}/sumdb/sum.golang.org/supported`)).status, 404);
    assert.equal((await get(`${lab.proxies.q!.url}/lab.invalid/multi/@v/list`)).status, 200);
    assert.equal((await get(`${lab.proxies.q!.url}/lab.invalid/lib01/@v/list`)).status, 404);
  });

  test('the access log records each request with its status and body size', async () => {
    const q = lab.proxies.q!;
    q.clearLog();
    await get(`${q.url}/lab.invalid/multi/@v/list`);
    await get(`${q.url}/lab.invalid/lib01/@v/list`);
    assert.deepEqual(q.accessLog.map((e) => [e.method, e.path, e.status]), [
      ['GET', '/lab.invalid/multi/@v/list', 200],
      ['GET', '/lab.invalid/lib01/@v/list', 404],
    ]);
    assert.equal(q.accessLog[0]!.bytes, 'v1.0.0\nv1.1.0\n'.length);
    assert.equal(q.accessLog[0]!.authorizationHeaderSent, false);
  });
});

describe('faults, set at start and at run time', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ proxies: [{ name: 'f' }, { name: 'other' }] });
  });
  after(() => lab.close());
  const f = (): Lab['proxies'][string] => lab.proxies.f!;
  const list = (): string => `${f().url}/lab.invalid/multi/@v/list`;

  test('a status on some paths only', async () => {
    f().setFaults({ status: 502, paths: '/\\.info$/' });
    assert.equal((await get(`${f().url}/lab.invalid/multi/@v/v1.0.0.info`)).status, 502);
    assert.equal((await get(list())).status, 200);
    f().setFaults({ status: 410, paths: '/@v/list' });
    assert.equal((await get(list())).status, 410);
    assert.equal((await get(`${f().url}/lab.invalid/multi/@v/v1.0.0.info`)).status, 200);
  });

  test('latency delays the headers by at least the injected amount', async () => {
    f().setFaults({ latencyMs: 150 });
    const started = performance.now();
    assert.equal((await get(list())).status, 200);
    assert.ok(performance.now() - started >= 140, 'answered before the injected latency');
  });

  test('refused, then back on the same port', async () => {
    const port = f().port;
    // The listener closes and reopens asynchronously: settled() resolves once it matches the faults.
    const server = f();
    assert.ok(server instanceof LabProxyServer);
    server.setFaults({ mode: 'refuse' });
    await server.settled();
    assert.equal(await errorCode(get(list())), 'ECONNREFUSED');
    server.setFaults({});
    await server.settled();
    assert.equal(f().port, port);
    assert.equal((await get(list())).status, 200);
  });

  test('a black hole accepts and never answers', async () => {
    f().setFaults({ mode: 'blackhole' });
    assert.equal(await errorCode(get(list(), { timeoutMs: 300 })), 'TIMEOUT');
  });

  test('garbage bytes are not HTTP', async () => {
    f().setFaults({ mode: 'garbage' });
    assert.equal(await errorCode(get(list())), 'HPE_INVALID_CONSTANT');
  });

  test('reset mid-body tears the connection after part of the body', async () => {
    f().setFaults({ mode: 'reset-mid-body', paths: '.zip' });
    const code = await errorCode(get(`${f().url}/lab.invalid/multi/@v/v1.0.0.zip`));
    assert.ok(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'aborted'].includes(code), code);
    const entry = f().accessLog.at(-1)!;
    assert.equal(entry.status, null);
    assert.ok(entry.bytes > 0);
  });

  test('a bandwidth cap slows the body', async () => {
    f().setFaults({ bandwidthBytesPerSec: 4000 });
    const started = performance.now();
    const zip = await get(`${f().url}/lab.invalid/multi/@v/v1.0.0.zip`);
    const seconds = (performance.now() - started) / 1000;
    // A lower bound on time is what a cap guarantees, however slow the machine.
    assert.ok(zip.body.length > 400, 'the zip is big enough to pace');
    assert.ok(seconds >= (zip.body.length / 4000) * 0.8, `${zip.body.length} bytes in ${seconds} s`);
  });

  test('Basic auth: 401 with a challenge, 200 with the right credentials, and the log says which', async () => {
    f().setFaults({ auth: { user: 'dev', password: 's3cret' } });
    const denied = await get(list());
    assert.equal(denied.status, 401);
    assert.match(String(denied.headers['www-authenticate']), /^Basic realm=/);
    assert.equal((await get(list(), { auth: 'dev:wrong' })).status, 401);
    assert.equal((await get(list(), { auth: 'dev:s3cret' })).status, 200);
    assert.deepEqual(f().accessLog.slice(-3).map((e) => e.authorized), [false, false, true]);
  });

  test('a cross-host redirect points at another lab proxy', async () => {
    f().setFaults({ mode: 'redirect-cross-host' });
    const moved = await get(list());
    assert.equal(moved.status, 302);
    assert.equal(moved.headers.location, `${lab.proxies.other!.url}/lab.invalid/multi/@v/list`);
  });

  test('wrong content: a captive-portal page where the protocol wants a version list', async () => {
    f().setFaults({ mode: 'wrong-content' });
    const page = await get(list());
    assert.equal(page.status, 200);
    assert.match(page.body.toString(), /<html>/);
  });

  test('the control API changes faults and reads the log of a running lab', async () => {
    f().setFaults({});
    const control = await startControlServer(lab);
    try {
      const put = await fetch(`${control.url}/proxies/f/faults`, { method: 'PUT', body: '{"status":503,"paths":"/@v/list"}' });
      assert.equal(put.status, 200);
      assert.equal((await get(list())).status, 503);
      const bad = await fetch(`${control.url}/proxies/f/faults`, { method: 'PUT', body: '{"mode":"explode"}' });
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: string }).error, /^mode must be one of/);
      const log = (await (await fetch(`${control.url}/proxies/f/log`)).json()) as { status: number }[];
      assert.equal(log.at(-1)!.status, 503);
      assert.equal((await fetch(`${control.url}/proxies/nope/log`)).status, 404);
    } finally {
      await control.close();
      f().setFaults({});
    }
  });
});

describe('TLS modes', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({
      proxies: [
        { name: 'valid', tls: 'valid' },
        { name: 'self-signed', tls: 'self-signed' },
        { name: 'expired', tls: 'expired' },
        { name: 'wrong-host', tls: 'wrong-host' },
      ],
    });
  });
  after(() => lab.close());
  const list = (name: string): string => `${lab.proxies[name]!.url}/lab.invalid/multi/@v/list`;

  test('a valid certificate is trusted through the lab CA, and only through it', async () => {
    assert.equal((await get(list('valid'), { ca: lab.caCertPem })).status, 200);
    assert.equal(await errorCode(get(list('valid'))), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  test('self-signed, expired and wrong-host certificates fail verification with their own reason', async () => {
    assert.equal(await errorCode(get(list('self-signed'), { ca: lab.caCertPem })), 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.equal(await errorCode(get(list('expired'), { ca: lab.caCertPem })), 'CERT_HAS_EXPIRED');
    assert.equal(await errorCode(get(list('wrong-host'), { ca: lab.caCertPem })), 'ERR_TLS_CERT_ALTNAME_INVALID');
  });
});

describe('scenarios and `npm run lab`', () => {
  test('china-like: the default proxy is black-holed, the fast mirror serves, the flaky one fails .info', async () => {
    const s = SCENARIOS['china-like']!;
    const lab = await startLab({ proxies: s.proxies });
    try {
      assert.equal(await errorCode(get(`${lab.proxies.default!.url}/lab.invalid/multi/@v/list`, { timeoutMs: 300 })), 'TIMEOUT');
      assert.equal((await get(`${lab.proxies['mirror-fast']!.url}/lab.invalid/multi/@v/v1.0.0.info`)).status, 200);
      assert.equal((await get(`${lab.proxies['mirror-flaky']!.url}/lab.invalid/multi/@v/v1.0.0.info`)).status, 502);
      assert.equal((await get(`${lab.proxies['mirror-flaky']!.url}/lab.invalid/multi/@v/v1.0.0.mod`)).status, 200);
    } finally {
      await lab.close();
    }
  });

  test('corporate: https with the lab CA; private modules need credentials, public ones do not', async () => {
    const s = SCENARIOS.corporate!;
    const lab = await startLab({ proxies: s.proxies, ...(s.modules ? { modules: s.modules } : {}), ...(s.checksumDb ? { checksumDb: s.checksumDb } : {}) });
    try {
      const athens = lab.proxies.athens!.url;
      assert.match(athens, /^https:\/\//);
      const ca = lab.caCertPem;
      const privatePath = lab.modules.find((m) => m.path.startsWith('corp.invalid/'))!.path;
      assert.equal((await get(`${athens}/${privatePath}/@v/list`, { ca })).status, 401);
      assert.equal((await get(`${athens}/${privatePath}/@v/list`, { ca, auth: 'dev:lab-secret' })).status, 200);
      assert.equal((await get(`${athens}/lab.invalid/multi/@v/list`, { ca })).status, 200);
      assert.equal((await get(`${lab.proxies.public!.url}/${privatePath}/@v/list`, { ca })).status, 404);
      // The checksum database never logged the private modules.
      assert.equal((await get(`${lab.proxies.public!.url}/sumdb/sum.golang.org/lookup/${privatePath}@v1.0.0`, { ca })).status, 404);
      assert.equal((await get(`${lab.proxies.public!.url}/sumdb/sum.golang.org/lookup/lab.invalid/multi@v1.0.0`, { ca })).status, 200);
    } finally {
      await lab.close();
    }
  });

  test('`npm run lab -- corporate --json` prints the proxies and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/test/lab/cli.js', 'corporate', '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no JSON line within 20 s: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const report = JSON.parse(out.split('\n')[0]!) as { scenario: string; goproxy: string; controlUrl: string; proxies: { name: string }[] };
      assert.equal(report.scenario, 'corporate');
      assert.deepEqual(report.proxies.map((p) => p.name), ['athens', 'public']);
      assert.match(report.goproxy, /^https:\/\/127\.0\.0\.1:\d+\|https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${report.controlUrl}/proxies`)).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});
