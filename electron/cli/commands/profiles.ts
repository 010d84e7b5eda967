// `goproxyctl profiles`: list, show, create, delete, duplicate, import, export, subscribe, refresh.
import { profileNameIn } from '../../../shared/ui/profile-text.js';
import path from 'node:path';
import { assignProfile } from '../../../shared/profile/assign.js';
import { applyBlockers, joinedProblems } from '../../../shared/profile/validate.js';
import { editInEditor } from '../edit-profile.js';
import { profileGoproxy } from '../../../shared/profile/to-go-env.js';
import { terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { atomicWrite } from '../../core/apply/atomic-write.js';
import { BoundedFileError, readBoundedFile } from '../../core/profiles/bounded-file.js';
import { ProfileError } from '../../core/profiles/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../core/profiles/fetch-source.js';
import { redactUrlCredentials } from '../../core/profiles/source-credentials.js';
import { ProfileStore, type ListedProfile } from '../../core/profiles/profile-store.js';
import { EXIT, terminalSafeJson, UsageError, writeJson, type CliCommand, type CliIo, type ParsedArgs } from '../command.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { localeOfCli } from '../lang.js';

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
    const locale = localeOfCli(io.lang);
    const say = (m: Message): string => render(locale, m);
    const [sub = 'list', ...rest] = args.positionals;
    const arity = ARITY[sub];
    if (!arity) throw new UsageError(say(msg('apply.profiles.unknown-sub', { sub, subs: Object.keys(ARITY).join(', ') })));
    // A negative arity is a minimum (set takes the id and at least one assignment).
    const fits = arity[0] < 0 ? rest.length >= -arity[0] : rest.length === arity[0];
    if (!fits) throw new UsageError(say(arity[0] === 0 ? msg('apply.profiles.arity-none', { sub }) : msg('apply.profiles.arity', { sub, args: arity[1] })));
    const store = new ProfileStore({ env: io.env, cwd: io.cwd });
    try {
      return await dispatch(sub, rest, args, io, store, locale);
    } catch (err) {
      if (err instanceof ProfileError) throw new UsageError(say(err.detail));
      throw err;
    }
  },
};

async function dispatch(sub: string, rest: string[], args: ParsedArgs, io: CliIo, store: ProfileStore, locale: Locale): Promise<number> {
  const json = Boolean(args.values.json);
  const words = (m: Message): string => render(locale, m);
  // Ids, names, sources and errors come from files and servers: every line is made terminal-safe.
  // --json prints the facts (no sentence there, as before); people get the sentence in their language.
  const say = (m: Message, value: object): void => (json ? writeJson(io, value) : void io.stdout.write(terminalSafeText(words(m)) + '\n'));
  const ids = (list: readonly string[]): Message => joinedIds(list);
  const name = typeof args.values.name === 'string' ? args.values.name : undefined;
  switch (sub) {
    case 'list': {
      const listed = await store.list();
      const subs = await store.subscriptions();
      // A store from before subscription passwords went to the keychain may still hold one in a URL.
      const shown = subs.map((s) => ({ ...s, source: redactUrlCredentials(s.source) }));
      if (json) writeJson(io, { profiles: listed.map((l) => listedJson(l, locale)), subscriptions: shown.map((sub) => subscriptionJson(sub, locale)) });
      else io.stdout.write(terminalSafeText(formatList(listed, subs.length, locale)) + '\n');
      return EXIT.ok;
    }
    case 'show': {
      const profile = await store.get(rest[0]!);
      const blockers = applyBlockers(profile);
      if (json) writeJson(io, { profile, goproxy: profileGoproxy(profile), ...blockersJson(blockers, locale) });
      else io.stdout.write(terminalSafeText(JSON.stringify(profile, null, 2) + '\n' + blockers.map((b) => `${words(msg('apply.profiles.before-applying', { blocker: b }))}\n`).join('')));
      return EXIT.ok;
    }
    case 'create': {
      const from = args.values.from;
      if (typeof from !== 'string') throw new UsageError(words(msg('apply.profiles.create-from')));
      const created = await store.duplicate(from, rest[0]!, name ?? rest[0]!);
      say(msg('apply.profiles.created-from', { id: created.id, from }), { created });
      return EXIT.ok;
    }
    case 'duplicate': {
      // The copy's name in the command's language (a built-in's name in its words there).
      const copyName = name ?? words(msg('apply.profile.copy-name', { name: profileNameIn(locale, await store.get(rest[0]!)) }));
      const created = await store.duplicate(rest[0]!, rest[1]!, copyName);
      say(msg('apply.profiles.duplicated', { id: created.id, from: rest[0]! }), { created });
      return EXIT.ok;
    }
    case 'set': {
      const [id, ...assignments] = rest as [string, ...string[]];
      const result = assignProfile(await store.get(id), assignments);
      if (!result.ok) throw new UsageError(words(msg('apply.profiles.not-changed', { id, errors: joinedProblems(result.errors) })));
      await store.update(result.profile);
      const blockers = applyBlockers(result.profile);
      const next = blockers.length > 0 ? msg('apply.profiles.set-still', { id, blockers: joinedProblems(blockers) }) : msg('apply.profiles.set-ready', { id });
      const goproxy = profileGoproxy(result.profile);
      say(msg('apply.profiles.set', { keys: result.changed.join(', '), id, goproxy, next }), { profile: result.profile, goproxy, ...blockersJson(blockers, locale) });
      return EXIT.ok;
    }
    case 'edit': {
      const edited = await editInEditor(rest[0]!, store, io);
      say(msg('apply.profiles.saved', { id: edited.id, goproxy: profileGoproxy(edited) }), { profile: edited, goproxy: profileGoproxy(edited) });
      return EXIT.ok;
    }
    case 'delete': {
      await store.remove(rest[0]!);
      say(msg('apply.profiles.deleted', { id: rest[0]! }), { deleted: rest[0] });
      return EXIT.ok;
    }
    case 'import': {
      const file = path.resolve(io.cwd, rest[0]!);
      const bytes = await readBoundedFile(file, MAX_DOCUMENT_BYTES, { signal: io.signal }).catch((err: unknown) => {
        if (io.signal.aborted) throw err;
        throw new UsageError(words(msg('apply.profiles.import-read', { error: err instanceof BoundedFileError ? err.detail : (err as Error).message })));
      });
      const text = bytes.toString('utf8');
      const imported = await store.importDocument(text, file, { replace: Boolean(args.values.replace) });
      say(msg('apply.profiles.imported', { ids: ids(imported.map((p) => p.id)) }), { imported: imported.map((p) => p.id) });
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
        throw new UsageError(words(msg('apply.profiles.export-write', { file, error: (err as Error).message })));
      });
      say(msg('apply.profiles.exported', { id: rest[0]!, file }), { exported: rest[0], file });
      return EXIT.ok;
    }
    case 'subscribe': {
      const hours = args.values['interval-hours'];
      let interval: number | undefined;
      if (typeof hours === 'string') {
        interval = Number(hours) * 3600;
        if (!Number.isFinite(interval) || interval < 60) throw new UsageError(words(msg('apply.profiles.interval', { hours })));
      }
      const result = await store.subscribe(rest[0]!, interval, undefined, { signal: io.signal });
      say(msg(result.credentialInKeychain ? 'apply.profiles.subscribed-keychain' : 'apply.profiles.subscribed', { source: result.source, ids: ids(result.profileIds) }), result);
      return EXIT.ok;
    }
    case 'unsubscribe': {
      await store.unsubscribe(rest[0]!);
      say(msg('apply.profiles.unsubscribed', { source: rest[0]! }), { unsubscribed: rest[0] });
      return EXIT.ok;
    }
    case 'refresh': {
      const results = await store.refresh({ onlyDue: Boolean(args.values.due), signal: io.signal });
      const shown = results.map((r) => {
        const error = r.errorMessage && redactMessageUrls(r.errorMessage);
        return { ...r, source: redactUrlCredentials(r.source), error: error && words(error), errorMessage: error };
      });
      const lines = shown.map((r) =>
        r.skipped
          ? msg('apply.profiles.refresh-skipped', { source: r.source })
          : r.errorMessage === null
            ? msg('apply.profiles.refresh-ok', { source: r.source, ids: joinedIds(r.profileIds, 'apply.profiles.id-plain') })
            : msg('apply.profiles.refresh-failed', { source: r.source, error: r.errorMessage }),
      );
      if (json) writeJson(io, { results: shown });
      else io.stdout.write(terminalSafeText(results.length === 0 ? words(msg('apply.profiles.no-subscriptions')) : lines.map(words).join('\n')) + '\n');
      return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
    }
  }
  return EXIT.usage;
}

/** Profile ids in a sentence: each quoted the locale's way, joined the locale's way. */
function joinedIds(list: readonly string[], form: 'apply.profiles.id' | 'apply.profiles.id-plain' = 'apply.profiles.id'): Message {
  const quoted = list.map((id) => msg(form, { id }));
  return quoted.length === 0 ? msg('apply.empty') : quoted.slice(0, -1).reduceRight((rest, first) => msg('apply.list', { first, rest }), quoted.at(-1)!);
}

/** A message with a URL's user:password removed from every text value (a stored subscription error may quote one). */
function redactMessageUrls(message: Message): Message {
  if (message.params === undefined) return message;
  return { id: message.id, params: Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, typeof v === 'string' ? redactUrlCredentials(v) : typeof v === 'number' ? v : redactMessageUrls(v)])) };
}

/** --json: the blockers as sentences in the command's language, and as messages. */
function blockersJson(blockers: readonly Message[], locale: Locale): { blockers: string[]; blockersMessage: readonly Message[] } {
  return { blockers: blockers.map((b) => render(locale, b)), blockersMessage: blockers };
}

function subscriptionJson<T extends { lastError: string | null; lastErrorMessage?: Message | null }>(sub: T, locale: Locale): T {
  const message = sub.lastErrorMessage ? redactMessageUrls(sub.lastErrorMessage) : null;
  return { ...sub, lastError: message ? render(locale, message) : sub.lastError, lastErrorMessage: message };
}

function listedJson(l: ListedProfile, locale: Locale): unknown {
  return { id: l.profile.id, name: l.profile.name, origin: l.origin, active: l.active, goproxy: profileGoproxy(l.profile), ...blockersJson(applyBlockers(l.profile), locale) };
}

/** Columns a terminal shows: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function formatList(listed: ListedProfile[], subscriptions: number, locale: Locale): string {
  const words = (m: Message): string => render(locale, m);
  const rows = listed.map((l) => [
    l.active ? '*' : ' ',
    terminalSafe(l.profile.id),
    words(msg(`apply.origin.${typeof l.origin === 'string' ? l.origin : 'subscription'}`)),
    applyBlockers(l.profile).length > 0 ? words(msg('apply.profiles.template')) : terminalSafe(profileGoproxy(l.profile)),
  ]);
  const w1 = Math.max(...rows.map((r) => displayWidth(r[1]!)));
  const w2 = Math.max(...rows.map((r) => displayWidth(r[2]!)));
  const lines = rows.map((r) => `${r[0]} ${pad(r[1]!, w1)}  ${pad(r[2]!, w2)}  ${r[3]}`);
  if (subscriptions > 0) lines.push('', words(msg(subscriptions === 1 ? 'apply.profiles.subscriptions.one' : 'apply.profiles.subscriptions.many', { count: subscriptions })));
  return lines.join('\n');
}
