// Runs keychain scenarios in a child process, so the parent test controls the D-Bus session
// (scripts/with-keyring.sh for a real gnome-keyring, or a broken bus address for "no keychain").
//   node keychain-child.js <scenario>     (test inputs, secrets included, arrive as JSON on stdin)
// It prints one JSON report on stdout. Secrets never appear in it: values read back are reported
// as sha256 digests, error messages are reported verbatim so the parent can check them.
// Without a scenario it does nothing: node's test runner also executes every .js under test/.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeychainError } from '../../../electron/core/secrets/errors.js';
import { goauthHelperOutput } from '../../../electron/core/secrets/goauth-helper.js';
import { KeychainSecretStore } from '../../../electron/core/secrets/keychain-store.js';

export interface ChildInput {
  credentials: { origin: string; user: string; secret: string }[];
  /** For 'goauth': URLs to pass as go's retry argument. */
  retryUrls?: string[];
}

export const digest = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs an operation and reports its outcome without secrets. */
async function outcome(op: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    const value = await op();
    if (value && typeof value === 'object' && 'secret' in value) {
      const v = value as { user: string; secret: string };
      return { ok: true, user: v.user, secretDigest: digest(v.secret) };
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, name: (err as Error).name, problem: err instanceof KeychainError ? err.problem : undefined, message: (err as Error).message };
  }
}

/** Runs the goauth entry the way go runs a GOAUTH command: argv = [url?], the failed response on stdin. */
function runAsGo(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goauth-entry.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000, env: { ...process.env, GOPROXYCTL_TEST_GOAUTH_ENTRY: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const scenarios: Record<string, (input: ChildInput) => Promise<Record<string, unknown>>> = {
  async roundtrip({ credentials }) {
    const store = new KeychainSecretStore();
    const [a, b] = credentials;
    if (!a || !b) throw new Error('roundtrip needs two credentials');
    const report: Record<string, unknown> = {};
    report.status = await store.status();
    report.setA = await outcome(() => store.set(a.origin, a.user, a.secret));
    report.setB = await outcome(() => store.set(b.origin, b.user, b.secret));
    report.getA = await outcome(() => store.get(a.origin));
    report.getB = await outcome(() => store.get(b.origin));
    report.getUnknown = await outcome(() => store.get('https://never-stored.example'));
    report.listBoth = await outcome(() => store.list());
    report.removeA = await outcome(() => store.remove(a.origin));
    report.removeAAgain = await outcome(() => store.remove(a.origin));
    report.getAAfterRemove = await outcome(() => store.get(a.origin));
    report.getBAfterRemove = await outcome(() => store.get(b.origin));
    report.listAfterRemove = await outcome(() => store.list());
    // A lost index is rebuilt from the keychain (the keychain is authoritative).
    const { rm } = await import('node:fs/promises');
    await rm(store.indexPath);
    report.listAfterIndexLoss = await outcome(() => store.list());
    report.indexPath = store.indexPath;
    report.badInput = await outcome(() => store.set('http://proxy.example', 'u', a.secret));
    return report;
  },

  async goauth({ credentials, retryUrls = [] }) {
    const store = new KeychainSecretStore();
    for (const c of credentials) await store.set(c.origin, c.user, c.secret);
    const response = 'HTTP/1.1 401 Unauthorized\nWww-Authenticate: Basic realm="proxy"\nContent-Type: text/plain\n\n';
    const report: Record<string, unknown> = { noArgument: await runAsGo([], '') };
    report.retries = await Promise.all(retryUrls.map(async (url) => ({ url, ...(await runAsGo([url], response)) })));
    report.inProcess = await goauthHelperOutput(store, [], '');
    return report;
  },

  async locked({ credentials }) {
    const store = new KeychainSecretStore();
    const [a] = credentials;
    if (!a) throw new Error('locked needs a credential');
    await store.set(a.origin, a.user, a.secret);
    await new Promise<void>((resolve, reject) => {
      const lock = spawn('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'], { stdio: 'ignore', timeout: 10_000 });
      lock.on('error', reject);
      lock.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`dbus-send Lock exited ${code}`))));
    });
    return {
      get: await outcome(() => store.get(a.origin)),
      set: await outcome(() => store.set(a.origin, a.user, `${a.secret}-2`)),
      remove: await outcome(() => store.remove(a.origin)),
      list: await outcome(() => store.list()),
    };
  },

  async unavailable({ credentials }) {
    const store = new KeychainSecretStore();
    const [a] = credentials;
    if (!a) throw new Error('unavailable needs a credential');
    return {
      status: await store.status(),
      set: await outcome(() => store.set(a.origin, a.user, a.secret)),
      get: await outcome(() => store.get(a.origin)),
      list: await outcome(() => store.list()),
      remove: await outcome(() => store.remove(a.origin)),
      helper: await outcome(() => goauthHelperOutput(store, [], '')),
      helperRetry: await outcome(() => goauthHelperOutput(store, [`${a.origin}/mod/@v/list`], 'HTTP/1.1 401 Unauthorized\n\n')),
    };
  },
};

const name = process.argv[2];
if (name !== undefined) {
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`unknown scenario ${name}`);
    process.exit(2);
  }
  const input = JSON.parse(await readStdin()) as ChildInput;
  process.stdout.write(`${JSON.stringify(await scenario(input))}\n`);
}
