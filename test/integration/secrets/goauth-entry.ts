// A CLI-less GOAUTH command for the tests: what `goproxyctl auth helper` will be, minus the CLI.
// go runs it as `<cmd> [URL]` with the failed response on stdin and reads credential sets from stdout.
// Without go's environment (no D-Bus session) it reports the keychain error on stderr and exits 1,
// which go records as a GOAUTH error. Node's test runner also executes every .js under test/, so it
// only acts when its spawner sets GOPROXYCTL_TEST_GOAUTH_ENTRY=1.
import { goauthHelperOutput } from '../../../electron/core/secrets/goauth-helper.js';
import { KeychainSecretStore } from '../../../electron/core/secrets/keychain-store.js';


async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (process.env.GOPROXYCTL_TEST_GOAUTH_ENTRY === '1') {
  try {
    const stdin = await readStdin();
    process.stdout.write(await goauthHelperOutput(new KeychainSecretStore(), process.argv.slice(2), stdin));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
