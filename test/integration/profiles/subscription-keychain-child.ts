// Runs inside scripts/with-keyring.sh (a private D-Bus session with an unlocked throwaway
// gnome-keyring): the subscription-credential scenario through the built CLI, with a look into the
// keychain between steps. The URL (with its password) arrives on stdin, never in this process's
// argv; the report holds outputs and digests, never the password itself.
// Without --run it does nothing: the test runner may load every .js file.
import { createHash } from 'node:crypto';
import { KeychainSubscriptionSecrets } from '../../../electron/core/secrets/subscription-secrets.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

export interface KeychainScenarioInput {
  /** http://user:password@127.0.0.1:port/team.json */
  url: string;
  /** The same URL without user and password: how the keychain item is named. */
  bareUrl: string;
  /** A non-loopback plain-http URL with a password: must be refused. */
  insecureUrl: string;
  /** A HOME whose profiles.json predates the keychain: its subscription URL holds the password. */
  legacyHome: string;
  legacyBareUrl: string;
}

const digest = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as KeychainScenarioInput;
  // The URL goes to the CLI as an argument, as a user would type it (this child is the "user").
  const cli = (...args: string[]) => runCommand(process.execPath, [cliPath, ...args], { env: process.env, cwd: process.env.HOME, timeoutMs: 60_000 });
  const legacyCli = (...args: string[]) => runCommand(process.execPath, [cliPath, ...args], { env: { ...process.env, HOME: input.legacyHome }, cwd: input.legacyHome, timeoutMs: 60_000 });
  const secrets = new KeychainSubscriptionSecrets();
  const inKeychain = async (url = input.bareUrl) => {
    const item = await secrets.get(url);
    return item === null ? null : { user: item.user, secretDigest: digest(item.secret) };
  };
  const report = {
    subscribe: await cli('profiles', 'subscribe', input.url),
    subscribeJson: null as unknown,
    keychainAfterSubscribe: await inKeychain(),
    list: await cli('profiles', 'list', '--json'),
    refresh: await cli('profiles', 'refresh'),
    again: await cli('profiles', 'subscribe', input.url),
    insecure: await cli('profiles', 'subscribe', input.insecureUrl),
    unsubscribe: await cli('profiles', 'unsubscribe', input.bareUrl),
    keychainAfterUnsubscribe: await inKeychain(),
  };
  report.subscribeJson = await cli('profiles', 'subscribe', input.url, '--json');
  const legacy = {
    legacyList: await legacyCli('profiles', 'list', '--json'),
    legacyRefresh: await legacyCli('profiles', 'refresh'),
    legacyKeychain: await inKeychain(input.legacyBareUrl),
    legacyListAfter: await legacyCli('profiles', 'list', '--json'),
  };
  Object.assign(report, legacy);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[2] === '--run') await main();
