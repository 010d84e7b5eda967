// `goproxyctl auth set|list|remove|helper|netrc`: credentials for private proxies, kept in the OS
// keychain (electron/core/secrets). The secret arrives on stdin or at a no-echo prompt, never in
// argv (other users can read a process's arguments), and is never printed, except by `helper`,
// whose whole job is to hand it to go.
import path from 'node:path';
import type { ReadStream } from 'node:tty';
import { productDirs } from '../../core/apply/index.js';
import {
  createKeychainSecretStore,
  defaultNetrcPath,
  goauthHelperOutput,
  isHttpsOrigin,
  KeychainError,
  keychainBackendWords,
  listNetrcEntries,
  NetrcError,
  normalizeCredentialOrigin,
  removeNetrcEntries,
  SecretStoreInputError,
  storedCredentialSets,
  selectCredentialSetForUrl,
  writeNetrcEntries,
  type SecretStore,
} from '../../core/secrets/index.js';
import { validateCredentialOriginForGo, validateCredentialUser } from '../../core/secrets/credential-input.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo, type ParsedArgs } from '../command.js';
import { cliWords as words, localeOfCli } from '../lang.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';


/** A pasted secret is small; anything larger is a mistake (a file piped by accident). */
const MAX_SECRET_BYTES = 64 * 1024;

export const command: CliCommand = {
  name: 'auth',
  summary: 'cli.auth.summary',
  usage: {
    lines: [
      'goproxyctl auth set <proxy-url> --user USER',
      'goproxyctl auth list',
      'goproxyctl auth remove <proxy-url>',
      'goproxyctl auth helper [URL]',
      'goproxyctl auth netrc --enable|--disable [--fix-permissions]',
    ],
    about: 'cli.auth.about',
    subcommands: [
      ['set', 'cli.auth.sub.set'],
      ['list', 'cli.auth.sub.list'],
      ['remove', 'cli.auth.sub.remove'],
      ['helper', 'cli.auth.sub.helper'],
      ['netrc', 'cli.auth.sub.netrc'],
    ],
    options: {
      user: { value: 'USER', text: 'cli.auth.option.user' },
      enable: { text: 'cli.auth.option.enable', also: ['disable'] },
      'fix-permissions': { text: 'cli.auth.option.fix-permissions' },
      secret: { value: 'SECRET', text: 'cli.auth.option.secret', also: ['password', 'token'] },
    },
    examples: [
      'printf %s "$TOKEN" | goproxyctl auth set https://proxy.corp.example --user ci',
      "go env -w GOAUTH='command goproxyctl auth helper'",
      'goproxyctl auth netrc --enable',
    ],
    exits: [
      [0, 'cli.auth.exit.ok'],
      [1, 'cli.auth.exit.failed'],
    ],
  },
  options: {
    user: { type: 'string' },
    enable: { type: 'boolean', default: false },
    disable: { type: 'boolean', default: false },
    'fix-permissions': { type: 'boolean', default: false },
    // Declared only to refuse them with a clear sentence that does not echo the value.
    secret: { type: 'string' },
    password: { type: 'string' },
    token: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    for (const name of ['secret', 'password', 'token'] as const) {
      if (args.values[name] !== undefined) {
        throw new UsageError(words(io, 'ops.auth.secret-flag', { flag: `--${name}` }));
      }
    }
    const [sub, ...rest] = args.positionals;
    const store = createKeychainSecretStore({ indexPath: path.join(productDirs(io.env).config, 'credentials.json') });
    try {
      switch (sub) {
        case 'set':
          return await authSet(store, rest, args, io);
        case 'list':
          return await authList(store, rest, args, io);
        case 'remove':
          return await authRemove(store, rest, args, io);
        case 'helper':
          return await authHelper(store, rest, args, io);
        case 'netrc':
          return await authNetrc(store, rest, args, io);
        default:
          throw new UsageError(sub === undefined ? words(io, 'ops.auth.no-subcommand') : words(io, 'ops.auth.unknown-subcommand', { sub }));
      }
    } catch (err) {
      if (err instanceof SecretStoreInputError || err instanceof NetrcError) throw new UsageError(render(localeOfCli(io.lang), err.detail));
      if (err instanceof KeychainError) {
        io.stderr.write(words(io, 'ops.auth.error', { error: err.detail }) + '\n');
        return EXIT.failed;
      }
      throw err;
    }
  },
};

async function authSet(store: SecretStore, rest: string[], args: ParsedArgs, io: CliIo): Promise<number> {
  if (rest.length !== 1) throw new UsageError(words(io, 'ops.auth.one-url', { example: 'goproxyctl auth set https://proxy.corp --user ci' }));
  const origin = normalizeCredentialOrigin(rest[0]!);
  validateCredentialOriginForGo(origin);
  const user = args.values.user;
  if (typeof user !== 'string') throw new UsageError(words(io, 'ops.auth.need-user', { example: 'goproxyctl auth set https://proxy.corp --user ci' }));
  validateCredentialUser(user);
  // Fail before asking for the secret when no keychain can take it.
  const status = await store.status();
  if (!status.available) throw new KeychainError(status.problem as KeychainError['problem'], status.detail);
  const secret = await readSecret(io, words(io, 'ops.auth.prompt', { user, origin }));
  await store.set(origin, user, secret);
  if (args.values.json) writeJson(io, { origin, user, stored: true, backend: status.backend });
  else io.stdout.write(words(io, 'ops.auth.stored', { origin, user, backend: keychainBackendWords() }) + '\n');
  return EXIT.ok;
}

async function authList(store: SecretStore, rest: string[], args: ParsedArgs, io: CliIo): Promise<number> {
  if (rest.length > 0) throw new UsageError(words(io, 'ops.auth.list-args'));
  const credentials = await store.list();
  const netrcPath = defaultNetrcPath(io.env);
  const netrc = await listNetrcEntries(netrcPath);
  if (args.values.json) {
    writeJson(io, { credentials, netrc: { path: netrcPath, entries: netrc } });
    return EXIT.ok;
  }
  if (credentials.length === 0) io.stdout.write(words(io, 'ops.auth.none') + '\n');
  for (const c of credentials) io.stdout.write(words(io, 'ops.auth.listed', { origin: c.origin, user: c.user }) + '\n');
  if (netrc.length > 0) {
    const entries = netrc.map((e) => words(io, 'ops.auth.netrc-entry', { origin: e.origin, user: e.user })).join(', ');
    io.stdout.write(words(io, 'ops.auth.netrc-entries', { path: netrcPath, entries }) + '\n');
  }
  return EXIT.ok;
}

async function authRemove(store: SecretStore, rest: string[], args: ParsedArgs, io: CliIo): Promise<number> {
  if (rest.length !== 1) throw new UsageError(words(io, 'ops.auth.one-url', { example: 'goproxyctl auth remove https://proxy.corp' }));
  const origin = normalizeCredentialOrigin(rest[0]!);
  const removed = await store.remove(origin);
  const netrcPath = defaultNetrcPath(io.env);
  const inNetrc = (await listNetrcEntries(netrcPath)).some((e) => e.origin === origin);
  if (inNetrc) await removeNetrcEntries(netrcPath, [origin]);
  if (args.values.json) writeJson(io, { origin, removed, netrcRemoved: inNetrc });
  else if (removed || inNetrc) io.stdout.write((inNetrc ? words(io, 'ops.auth.removed-netrc', { origin, path: netrcPath }) : words(io, 'ops.auth.removed', { origin })) + '\n');
  else io.stderr.write(words(io, 'ops.auth.not-stored', { origin }) + '\n');
  return removed || inNetrc ? EXIT.ok : EXIT.failed;
}

async function authHelper(store: SecretStore, rest: string[], args: ParsedArgs, io: CliIo): Promise<number> {
  // go writes the failed response to our stdin on the retry call: read it all (so go's write
  // never fails on a closed pipe) before answering.
  const stdin = rest.length === 1 ? await readAll(io, 1 << 20) : '';
  if (args.values.json) {
    if (rest.length > 1) throw new UsageError(words(io, 'ops.auth.helper-args'));
    const sets = await storedCredentialSets(store);
    const chosen = rest.length === 1 ? [selectCredentialSetForUrl(sets, rest[0]!)].filter((s) => s !== null) : sets;
    writeJson(io, { prefixes: chosen.flatMap((s) => s.prefixes) });
    return EXIT.ok;
  }
  io.stdout.write(await goauthHelperOutput(store, rest, stdin));
  return EXIT.ok;
}

async function authNetrc(store: SecretStore, rest: string[], args: ParsedArgs, io: CliIo): Promise<number> {
  if (rest.length > 0) throw new UsageError(words(io, 'ops.auth.netrc-args'));
  const enable = args.values.enable === true;
  const disable = args.values.disable === true;
  if (enable === disable) throw new UsageError(words(io, 'ops.auth.netrc-one-flag'));
  const netrcPath = defaultNetrcPath(io.env);
  if (disable) {
    const managed = await listNetrcEntries(netrcPath);
    if (managed.length > 0) await removeNetrcEntries(netrcPath, managed.map((e) => e.origin));
    if (args.values.json) writeJson(io, { path: netrcPath, removed: managed.map((e) => e.origin) });
    else {
      const done = managed.length === 0 ? msg('ops.auth.netrc-none', { path: netrcPath }) : msg(managed.length === 1 ? 'ops.auth.netrc-removed-one' : 'ops.auth.netrc-removed-many', { count: managed.length, path: netrcPath });
      io.stdout.write(render(localeOfCli(io.lang), done) + '\n');
    }
    return EXIT.ok;
  }
  const refs = await store.list();
  const https = refs.filter((r) => isHttpsOrigin(r.origin));
  const skipped = refs.filter((r) => !isHttpsOrigin(r.origin)).map((r) => r.origin);
  // Never silently: an http credential stored by an older goproxyctl cannot reach go at all.
  const skipReason: Message = msg('ops.auth.http-never');
  for (const origin of skipped) io.stderr.write(words(io, 'ops.auth.netrc-skipped', { origin, reason: skipReason }) + '\n');
  if (https.length === 0) {
    throw new UsageError(
      skipped.length > 0 ? words(io, 'ops.auth.netrc-only-http', { origins: skipped.join(', '), reason: skipReason }) : words(io, 'ops.auth.netrc-no-https'),
    );
  }
  const credentials: { origin: string; user: string; secret: string }[] = [];
  for (const ref of https) {
    const c = await store.get(ref.origin);
    if (c) credentials.push({ origin: ref.origin, user: c.user, secret: c.secret });
  }
  await writeNetrcEntries(netrcPath, credentials, { fixPermissions: args.values['fix-permissions'] === true });
  const written = credentials.map((c) => c.origin);
  if (args.values.json) {
    const reason = render(localeOfCli(io.lang), skipReason);
    writeJson(io, { path: netrcPath, written, skipped: skipped.map((origin) => ({ origin, reason, reasonMessage: skipReason })) });
  } else io.stdout.write(words(io, 'ops.auth.netrc-written', { origins: written.join(', '), path: netrcPath }) + '\n');
  return EXIT.ok;
}

/** The secret: all of stdin when it is not a terminal (one final newline dropped), else a no-echo prompt. */
async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const tty = io.stdin as Partial<ReadStream>;
  if (tty.isTTY && typeof tty.setRawMode === 'function') return promptNoEcho(io, tty as ReadStream, prompt);
  const text = await readAll(io, MAX_SECRET_BYTES);
  return text.replace(/\r?\n$/, '');
}

async function readAll(io: CliIo, limit: number): Promise<string> {
  const stream = io.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limit) throw new UsageError(words(io, 'ops.auth.stdin-too-large', { limit }));
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, so nothing typed is echoed. Ctrl-C aborts. */
function promptNoEcho(io: CliIo, tty: ReadStream, prompt: string): Promise<string> {
  // Echo off before the prompt appears: anything typed (or pasted) after seeing it must not echo.
  tty.setRawMode(true);
  tty.resume();
  io.stderr.write(prompt);
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = (err: Error | null): void => {
      tty.off('data', onData);
      tty.setRawMode(false);
      tty.pause();
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (data: Buffer | string): void => {
      for (const ch of data.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(null);
        if (ch === '\u0003') return finish(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    tty.on('data', onData);
  });
}
