// `goproxyctl profiles`: list, show, create, delete, duplicate, import, export, subscribe, refresh.
import path from 'node:path';
import { assignProfile } from '../../../shared/profile/assign.js';
import { applyBlockers } from '../../../shared/profile/validate.js';
import { editInEditor } from '../edit-profile.js';
import { profileGoproxy } from '../../../shared/profile/to-go-env.js';
import { terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { atomicWrite } from '../../core/apply/atomic-write.js';
import { readBoundedFile } from '../../core/profiles/bounded-file.js';
import { ProfileError } from '../../core/profiles/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../core/profiles/fetch-source.js';
import { redactUrlCredentials } from '../../core/profiles/source-credentials.js';
import { ProfileStore, type ListedProfile } from '../../core/profiles/profile-store.js';
import { EXIT, terminalSafeJson, UsageError, writeJson, type CliCommand, type CliIo, type ParsedArgs } from '../command.js';

const ARITY: Record<string, [number, string]> = {
  list: [0, ''],
  show: [1, '<id>'],
  create: [1, '<id> --from <id>'],
  duplicate: [2, '<id> <new-id>'],
  set: [-2, '<id> KEY=VALUE...'],
  edit: [1, '<id>'],
  delete: [1, '<id>'],
  import: [1, '<file>'],
  export: [1, '<id>'],
  subscribe: [1, '<url-or-file>'],
  unsubscribe: [1, '<url-or-file>'],
  refresh: [0, ''],
};

export const command: CliCommand = {
  name: 'profiles',
  summary: 'cli.profiles.summary',
  usage: {
    lines: [
      'goproxyctl profiles [list]',
      'goproxyctl profiles show <id>',
      'goproxyctl profiles create <id> --from <id> [--name NAME]',
      'goproxyctl profiles duplicate <id> <new-id> [--name NAME]',
      'goproxyctl profiles set <id> KEY=VALUE...',
      'goproxyctl profiles edit <id>',
      'goproxyctl profiles delete <id>',
      'goproxyctl profiles import <file> [--replace]',
      'goproxyctl profiles export <id> [--out FILE]',
      'goproxyctl profiles subscribe <url-or-file> [--interval-hours N]',
      'goproxyctl profiles unsubscribe <url-or-file>',
      'goproxyctl profiles refresh [--due]',
    ],
    about: 'cli.profiles.about',
    subcommands: [
      ['list', 'cli.profiles.sub.list'],
      ['show', 'cli.profiles.sub.show'],
      ['create', 'cli.profiles.sub.create'],
      ['duplicate', 'cli.profiles.sub.duplicate'],
      ['set', 'cli.profiles.sub.set'],
      ['edit', 'cli.profiles.sub.edit'],
      ['delete', 'cli.profiles.sub.delete'],
      ['import', 'cli.profiles.sub.import'],
      ['export', 'cli.profiles.sub.export'],
      ['subscribe', 'cli.profiles.sub.subscribe'],
      ['unsubscribe', 'cli.profiles.sub.unsubscribe'],
      ['refresh', 'cli.profiles.sub.refresh'],
    ],
    options: {
      from: { value: 'ID', text: 'cli.profiles.option.from' },
      name: { value: 'NAME', text: 'cli.profiles.option.name' },
      out: { value: 'FILE', text: 'cli.profiles.option.out' },
      replace: { text: 'cli.profiles.option.replace' },
      due: { text: 'cli.profiles.option.due' },
      'interval-hours': { value: 'N', text: 'cli.profiles.option.interval-hours' },
    },
    examples: [
      'goproxyctl profiles create my-corp --from corporate',
      "goproxyctl profiles set my-corp 'GOPROXY=https://athens.corp.example|https://proxy.golang.org' GOPRIVATE=corp.example",
      'goproxyctl use my-corp',
    ],
    exits: [
      [0, 'cli.profiles.exit.ok'],
      [1, 'cli.profiles.exit.failed'],
    ],
  },
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    replace: { type: 'boolean', default: false },
    due: { type: 'boolean', default: false },
    'interval-hours': { type: 'string' },
  },
  async run(args, io) {
    const [sub = 'list', ...rest] = args.positionals;
    const arity = ARITY[sub];
    if (!arity) throw new UsageError(`unknown subcommand "${sub}"; use one of ${Object.keys(ARITY).join(', ')}`);
    // A negative arity is a minimum (set takes the id and at least one assignment).
    const fits = arity[0] < 0 ? rest.length >= -arity[0] : rest.length === arity[0];
    if (!fits) throw new UsageError(`\`profiles ${sub}\` takes ${arity[0] === 0 ? 'no arguments' : arity[1]}`);
    const store = new ProfileStore({ env: io.env, cwd: io.cwd });
    try {
      return await dispatch(sub, rest, args, io, store);
    } catch (err) {
      if (err instanceof ProfileError) throw new UsageError(err.message);
      throw err;
    }
  },
};

async function dispatch(sub: string, rest: string[], args: ParsedArgs, io: CliIo, store: ProfileStore): Promise<number> {
  const json = Boolean(args.values.json);
  // Ids, names, sources and errors come from files and servers: every line is made terminal-safe.
  const say = (text: string, value: unknown): void => (json ? writeJson(io, value) : void io.stdout.write(terminalSafeText(text) + '\n'));
  const name = typeof args.values.name === 'string' ? args.values.name : undefined;
  switch (sub) {
    case 'list': {
      const listed = await store.list();
      const subs = await store.subscriptions();
      // A store from before subscription passwords went to the keychain may still hold one in a URL.
      const shown = subs.map((s) => ({ ...s, source: redactUrlCredentials(s.source) }));
      if (json) writeJson(io, { profiles: listed.map((l) => listedJson(l)), subscriptions: shown });
      else io.stdout.write(terminalSafeText(formatList(listed, subs.length)) + '\n');
      return EXIT.ok;
    }
    case 'show': {
      const profile = await store.get(rest[0]!);
      const blockers = applyBlockers(profile);
      if (json) writeJson(io, { profile, goproxy: profileGoproxy(profile), blockers });
      else io.stdout.write(terminalSafeText(JSON.stringify(profile, null, 2) + '\n' + blockers.map((b) => `! before applying: ${terminalSafe(b)}\n`).join('')));
      return EXIT.ok;
    }
    case 'create': {
      const from = args.values.from;
      if (typeof from !== 'string') throw new UsageError('`profiles create` copies an existing profile: add --from <id> (e.g. --from global)');
      const created = await store.duplicate(from, rest[0]!, name ?? rest[0]!);
      say(`Created "${created.id}" from "${from}".`, { created });
      return EXIT.ok;
    }
    case 'duplicate': {
      const created = await store.duplicate(rest[0]!, rest[1]!, name);
      say(`Created "${created.id}" as a copy of "${rest[0]}".`, { created });
      return EXIT.ok;
    }
    case 'set': {
      const [id, ...assignments] = rest as [string, ...string[]];
      const result = assignProfile(await store.get(id), assignments);
      if (!result.ok) throw new UsageError(`profile "${id}" was not changed: ${result.errors.join('; ')}`);
      await store.update(result.profile);
      const blockers = applyBlockers(result.profile);
      const still = blockers.length > 0 ? ` Still to fill in before \`goproxyctl use ${id}\`: ${blockers.join('; ')}.` : ` Apply it with \`goproxyctl use ${id}\`.`;
      say(`Set ${result.changed.join(', ')} of "${id}" (GOPROXY=${profileGoproxy(result.profile)}).${still}`, { profile: result.profile, goproxy: profileGoproxy(result.profile), blockers });
      return EXIT.ok;
    }
    case 'edit': {
      const edited = await editInEditor(rest[0]!, store, io);
      say(`Saved "${edited.id}" (GOPROXY=${profileGoproxy(edited)}).`, { profile: edited, goproxy: profileGoproxy(edited) });
      return EXIT.ok;
    }
    case 'delete': {
      await store.remove(rest[0]!);
      say(`Deleted "${rest[0]}".`, { deleted: rest[0] });
      return EXIT.ok;
    }
    case 'import': {
      const file = path.resolve(io.cwd, rest[0]!);
      const bytes = await readBoundedFile(file, MAX_DOCUMENT_BYTES, { signal: io.signal }).catch((err: unknown) => {
        if (io.signal.aborted) throw err;
        throw new UsageError(`${(err as Error).message}; give the path of a profile JSON file`);
      });
      const text = bytes.toString('utf8');
      const imported = await store.importDocument(text, file, { replace: Boolean(args.values.replace) });
      say(`Imported ${imported.map((p) => `"${p.id}"`).join(', ')}.`, { imported: imported.map((p) => p.id) });
      return EXIT.ok;
    }
    case 'export': {
      const text = await store.exportProfile(rest[0]!);
      const out = args.values.out;
      if (typeof out !== 'string') {
        io.stdout.write(terminalSafeJson(text)); // still the same JSON document when redirected
        return EXIT.ok;
      }
      const file = path.resolve(io.cwd, out);
      await atomicWrite(file, Buffer.from(text, 'utf8')).catch((err: unknown) => {
        throw new UsageError(`cannot write ${file} (${(err as Error).message}); choose a writable path`);
      });
      say(`Wrote "${rest[0]}" to ${file}.`, { exported: rest[0], file });
      return EXIT.ok;
    }
    case 'subscribe': {
      const hours = args.values['interval-hours'];
      let interval: number | undefined;
      if (typeof hours === 'string') {
        interval = Number(hours) * 3600;
        if (!Number.isFinite(interval) || interval < 60) throw new UsageError(`--interval-hours "${hours}" is not a number of hours of at least 0.02 (e.g. 24)`);
      }
      const result = await store.subscribe(rest[0]!, interval, undefined, { signal: io.signal });
      const keychainNote = result.credentialInKeychain ? ' (its password is kept in the OS keychain)' : '';
      say(`Subscribed to ${result.source}${keychainNote}: ${result.profileIds.map((id) => `"${id}"`).join(', ')}.`, result);
      return EXIT.ok;
    }
    case 'unsubscribe': {
      await store.unsubscribe(rest[0]!);
      say(`Unsubscribed from ${rest[0]}; its profiles were removed.`, { unsubscribed: rest[0] });
      return EXIT.ok;
    }
    case 'refresh': {
      const results = await store.refresh({ onlyDue: Boolean(args.values.due), signal: io.signal });
      const shown = results.map((r) => ({ ...r, source: redactUrlCredentials(r.source), error: r.error === null ? null : redactUrlCredentials(r.error) }));
      const lines = shown.map((r) => (r.skipped ? `= ${r.source}: not due yet` : r.ok ? `✓ ${r.source}: ${r.profileIds.join(', ')}` : `✗ ${r.source}: ${r.error} (the previous profiles are kept)`));
      say(results.length === 0 ? 'No subscriptions; add one with `goproxyctl profiles subscribe <url-or-file>`.' : lines.join('\n'), { results: shown });
      return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
    }
  }
  return EXIT.usage;
}

function listedJson(l: ListedProfile): unknown {
  return { id: l.profile.id, name: l.profile.name, origin: l.origin, active: l.active, goproxy: profileGoproxy(l.profile), blockers: applyBlockers(l.profile) };
}

function formatList(listed: ListedProfile[], subscriptions: number): string {
  const rows = listed.map((l) => [
    l.active ? '*' : ' ',
    terminalSafe(l.profile.id),
    typeof l.origin === 'string' ? l.origin : 'subscription',
    applyBlockers(l.profile).length > 0 ? '(template: fill in before use)' : terminalSafe(profileGoproxy(l.profile)),
  ]);
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  const w2 = Math.max(...rows.map((r) => r[2]!.length));
  const lines = rows.map((r) => `${r[0]} ${r[1]!.padEnd(w1)}  ${r[2]!.padEnd(w2)}  ${r[3]}`);
  if (subscriptions > 0) lines.push('', `${subscriptions} subscription${subscriptions > 1 ? 's' : ''}; refresh with \`goproxyctl profiles refresh\`.`);
  return lines.join('\n');
}
