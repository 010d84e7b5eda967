// Runs inside scripts/with-keyring.sh (a private D-Bus session with an unlocked throwaway keyring):
// a real service behind the real headless server; the secret arrives on stdin, goes in through
// setCredential, and everything the client saw is printed for the parent to check.
import { startHeadlessServer } from '../../../electron/core/headless/server.js';
import { createService } from '../../../electron/core/service/service.js';
import { createHeadlessClient } from '../../../renderer/bridge/headless-client.js';

const input = JSON.parse(await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (d: Buffer) => (text += d.toString('utf8')));
  process.stdin.on('end', () => resolve(text));
})) as { origin: string; user: string; secret: string };

const service = createService({ env: process.env, cwd: process.env.HOME, helperArgv: [], loginItem: null });
const server = await startHeadlessServer({ service, staticRoot: null });
const api = createHeadlessClient({ origin: server.origin, token: server.token });
const seen: string[] = [];
service.subscribe((m) => seen.push(JSON.stringify(m)));
const outcome = async (p: Promise<unknown>) => p.then((value) => ({ ok: true, value }), (err: Error & { code?: string }) => ({ ok: false, code: err.code, message: err.message }));
try {
  await service.ready;
  const report = {
    before: await outcome(api.refreshCredentials({})),
    set: await outcome(api.setCredential(input)),
    badOrigin: await outcome(api.setCredential({ ...input, origin: 'ftp://nope.example' })),
    stateAfterSet: (await api.state()).credentials,
    listed: await outcome(api.refreshCredentials({})),
    removed: await outcome(api.removeCredential({ origin: input.origin })),
    removedAgain: await outcome(api.removeCredential({ origin: input.origin })),
    stateAfterRemove: (await api.state()).credentials,
    streamed: seen.join('\n'),
  };
  process.stdout.write(JSON.stringify(report) + '\n');
} finally {
  await server.close();
  await service.shutdown();
}
