// The profile schema, checked by hand (pure, no package): every error is one message that names
// the field, says what is wrong and what to write instead (shared/i18n/parts/apply.ts words it). Unknown fields are errors, so a typo
// ("goprivte") is caught instead of silently ignored.
import { parseGoproxy } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { checkPrefixPatterns } from '../go/match.js';
import { parseGoURL } from '../go/neturl.js';
import { msg, type Message } from '../i18n/message.js';
import { PLACEHOLDER, PROFILE_SCHEMA, PROFILE_SHELLS, type CredentialRef, type Profile, type ProfileShell, type ProxyEntry, type RelayOption } from './types.js';

export type ProfileCheck = { ok: true; profile: Profile } | { ok: false; errors: Message[] };

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const FIELDS = ['schema', 'id', 'name', 'description', 'goproxy', 'gosumdb', 'goprivate', 'gonoproxy', 'gonosumdb', 'goinsecure', 'goflags', 'credentials', 'targets', 'relay'];
const PATTERN_FIELDS = ['goprivate', 'gonoproxy', 'gonosumdb', 'goinsecure'] as const;

export function isValidProfileId(id: string): boolean {
  return ID.test(id);
}

export function profileIdProblem(id: string): Message | null {
  return ID.test(id) ? null : msg('apply.profile.bad-id', { id });
}

/** Several problems as one message ("a; b; c"), nested pairwise so each language joins them its own way. */
export function joinedProblems(problems: readonly Message[]): Message {
  if (problems.length === 0) return msg('apply.empty');
  return problems.slice(0, -1).reduceRight((rest, first) => msg('apply.joined', { first, rest }), problems.at(-1)!);
}

/** "<field>: <problem>", the form of every validation error. */
export function fieldProblem(field: string, problem: Message): Message {
  return msg('apply.profile.field', { field, problem });
}

/** Validates parsed JSON as a profile. `where` prefixes field names (e.g. "profiles[2]"). */
export function validateProfile(value: unknown, where = ''): ProfileCheck {
  const errors: Message[] = [];
  const at = (field: string): string => (where ? `${where}.${field}` : field);
  const fail = (field: string, message: Message): void => {
    errors.push(fieldProblem(at(field), message));
  };
  if (!isRecord(value)) return { ok: false, errors: [where ? fieldProblem(where, msg('apply.profile.must-object')) : msg('apply.profile.not-object')] };

  for (const key of Object.keys(value)) if (!FIELDS.includes(key)) fail(key, msg('apply.profile.unknown-field', { fields: FIELDS.join(', ') }));
  if (value.schema !== PROFILE_SCHEMA) {
    if (typeof value.schema === 'number' && value.schema > PROFILE_SCHEMA) fail('schema', msg('apply.profile.schema-newer', { version: value.schema, supported: PROFILE_SCHEMA }));
    else fail('schema', msg('apply.profile.schema', { schema: PROFILE_SCHEMA }));
  }
  if (typeof value.id !== 'string') fail('id', msg('apply.profile.id-type'));
  else {
    const problem = profileIdProblem(value.id);
    if (problem) fail('id', problem);
  }
  if (typeof value.name !== 'string' || value.name.trim() === '') fail('name', msg('apply.profile.name'));
  if (value.description !== undefined && typeof value.description !== 'string') fail('description', msg('apply.profile.description'));

  const goproxy = checkGoproxyEntries(value.goproxy, (field, message) => fail(field, message));
  if (value.gosumdb !== null) {
    if (typeof value.gosumdb !== 'string') fail('gosumdb', msg('apply.profile.gosumdb-type'));
    else if (!PLACEHOLDER.test(value.gosumdb)) {
      const parsed = parseGosumdb(value.gosumdb);
      if (!parsed.ok) fail('gosumdb', msg('apply.profile.gosumdb-rejected', { value: value.gosumdb, error: parsed.error }));
    }
  }
  for (const field of PATTERN_FIELDS) {
    const v = value[field];
    const nullable = field === 'gonoproxy' || field === 'gonosumdb';
    if (v === null && nullable) continue;
    if (typeof v !== 'string') {
      fail(field, msg(nullable ? 'apply.profile.patterns-nullable' : 'apply.profile.patterns'));
      continue;
    }
    if (PLACEHOLDER.test(v) || (v === 'none' && nullable)) continue;
    for (const problem of checkPrefixPatterns(v)) {
      if (problem.code === 'too-broad') continue; // allowed; the doctor warns about it
      fail(field, msg(`apply.profile.pattern.${problem.code}`, { glob: problem.glob, position: problem.index + 1, host: (problem.glob.split('/')[0] ?? '').toLowerCase() }));
    }
  }
  if (value.goflags !== undefined && typeof value.goflags !== 'string') fail('goflags', msg('apply.profile.goflags'));
  const credentials = checkCredentials(value.credentials, (field, message) => fail(field, message));
  const targets = checkTargets(value.targets, (field, message) => fail(field, message));
  const relay = checkRelay(value.relay, goproxy, (field, message) => fail(field, message));

  if (errors.length > 0 || !goproxy || !credentials || !targets || relay === undefined) return { ok: false, errors };
  const profile: Profile = {
    schema: PROFILE_SCHEMA,
    id: value.id as string,
    name: value.name as string,
    goproxy,
    gosumdb: value.gosumdb as string | null,
    goprivate: value.goprivate as string,
    gonoproxy: value.gonoproxy as string | null,
    gonosumdb: value.gonosumdb as string | null,
    goinsecure: value.goinsecure as string,
    credentials,
    targets,
  };
  if (typeof value.description === 'string') profile.description = value.description;
  if (typeof value.goflags === 'string') profile.goflags = value.goflags;
  // Kept only when on, so a profile without the option serializes exactly as before it existed.
  if (relay !== null) profile.relay = relay;
  return { ok: true, profile };
}

/**
 * What must be filled in before the profile can be applied: one message per placeholder left in
 * a template (e.g. the corporate profile's private proxy URL), "<field>: replace <PLACEHOLDER> with
 * <what>". [] when it is ready.
 */
export function applyBlockers(profile: Profile): Message[] {
  const blockers: Message[] = [];
  type What = 'proxy-url' | 'gosumdb' | 'goprivate' | 'patterns-or-null' | 'patterns-or-empty' | 'origin';
  const check = (field: string, value: string | null | undefined, what: What): void => {
    const m = value == null ? null : PLACEHOLDER.exec(value);
    if (m) blockers.push(msg('apply.blocker', { field, placeholder: m[0], what: msg(`apply.blocker.${what}`) }));
  };
  profile.goproxy.forEach((e, i) => check(`goproxy[${i}].url`, e.url, 'proxy-url'));
  check('gosumdb', profile.gosumdb, 'gosumdb');
  check('goprivate', profile.goprivate, 'goprivate');
  check('gonoproxy', profile.gonoproxy, 'patterns-or-null');
  check('gonosumdb', profile.gonosumdb, 'patterns-or-null');
  check('goinsecure', profile.goinsecure, 'patterns-or-empty');
  profile.credentials.forEach((c, i) => check(`credentials[${i}].origin`, c.origin, 'origin'));
  return blockers;
}

function checkGoproxyEntries(value: unknown, fail: (field: string, message: Message) => void): ProxyEntry[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    fail('goproxy', msg('apply.profile.goproxy'));
    return null;
  }
  const entries: ProxyEntry[] = [];
  let ok = true;
  value.forEach((raw: unknown, i) => {
    const field = `goproxy[${i}]`;
    const last = i === value.length - 1;
    if (!isRecord(raw) || typeof raw.url !== 'string') {
      fail(field, msg('apply.profile.entry'));
      ok = false;
      return;
    }
    for (const key of Object.keys(raw)) if (key !== 'url' && key !== 'separator') fail(`${field}.${key}`, msg('apply.profile.entry-unknown-field'));
    const url = raw.url;
    const problem = PLACEHOLDER.test(url) ? null : entryProblem(url);
    if (problem) {
      fail(`${field}.url`, problem);
      ok = false;
    }
    if ((url === 'direct' || url === 'off') && !last) {
      fail(`${field}.url`, msg('apply.profile.entry-ends', { url }));
      ok = false;
    }
    const sep = raw.separator;
    if (last) {
      if (sep !== undefined) {
        fail(`${field}.separator`, msg('apply.profile.last-separator'));
        ok = false;
      }
      entries.push({ url });
    } else if (sep !== ',' && sep !== '|') {
      fail(`${field}.separator`, msg('apply.profile.separator'));
      ok = false;
    } else entries.push({ url, separator: sep });
  });
  return ok ? entries : null;
}

/** Why one GOPROXY entry is not acceptable in a profile, or null. */
function entryProblem(url: string): Message | null {
  if (url === 'direct' || url === 'off') return null;
  if (/[,|]/.test(url)) return msg('apply.profile.url-separator', { url });
  if (/\s/.test(url) || url === '') return msg('apply.profile.url-space', { url });
  const parsed = parseGoproxy(url);
  if (!parsed.ok) return msg('apply.profile.url-rejected', { url, error: parsed.error });
  const entry = parsed.value.entries[0];
  if (entry?.kind === 'proxy' && entry.hasCredentials) return msg('apply.profile.url-credentials');
  if (!/^(https?|file):\/\//.test(url)) return msg('apply.profile.url-scheme', { url, suggestion: `https://${url.replace(/^\/*/, '')}` });
  return null;
}

/** The "through the local relay" option: absent or null (off), or {"port": N}; undefined when invalid. */
function checkRelay(value: unknown, goproxy: ProxyEntry[] | null, fail: (field: string, message: Message) => void): RelayOption | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'port')) {
    fail('relay', msg('apply.profile.relay'));
    return undefined;
  }
  const port = value.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail('relay.port', msg('apply.profile.relay-port', { value: JSON.stringify(port) ?? 'undefined' }));
    return undefined;
  }
  const first = goproxy?.[0]?.url;
  if (first !== undefined && new RegExp(`^http://(?:127\\.0\\.0\\.1|localhost):${port}/?$`).test(first)) {
    fail('goproxy[0].url', msg('apply.profile.relay-self', { url: first }));
    return undefined;
  }
  if (first === 'off') {
    fail('relay', msg('apply.profile.relay-off'));
    return undefined;
  }
  return { port };
}

function checkCredentials(value: unknown, fail: (field: string, message: Message) => void): CredentialRef[] | null {
  if (!Array.isArray(value)) {
    fail('credentials', msg('apply.profile.credentials'));
    return null;
  }
  const refs: CredentialRef[] = [];
  let ok = true;
  value.forEach((raw: unknown, i) => {
    const field = `credentials[${i}]`;
    if (!isRecord(raw) || typeof raw.origin !== 'string' || Object.keys(raw).some((k) => k !== 'origin')) {
      fail(field, msg('apply.profile.credential'));
      ok = false;
      return;
    }
    if (!PLACEHOLDER.test(raw.origin)) {
      const problem = originProblem(raw.origin);
      if (problem) {
        fail(`${field}.origin`, problem);
        ok = false;
        return;
      }
    }
    refs.push({ origin: raw.origin });
  });
  return ok ? refs : null;
}

function originProblem(origin: string): Message | null {
  const parsed = parseGoURL(origin);
  if (!parsed.ok || parsed.url.scheme !== 'https' || parsed.url.host === '') return msg('apply.profile.origin-https', { origin });
  const u = parsed.url;
  if (u.user !== null) return msg('apply.profile.origin-credentials');
  if ((u.path !== '' && u.path !== '/') || u.rawQuery !== '' || u.fragment !== '') return msg('apply.profile.origin-path', { origin });
  return null;
}

function checkTargets(value: unknown, fail: (field: string, message: Message) => void): Profile['targets'] | null {
  if (!isRecord(value) || typeof value.goEnv !== 'boolean' || Object.keys(value).some((k) => k !== 'goEnv' && k !== 'shells')) {
    fail('targets', msg('apply.profile.targets'));
    return null;
  }
  if (value.shells === null || value.shells === undefined) return { goEnv: value.goEnv, shells: null };
  if (!Array.isArray(value.shells) || value.shells.some((s) => !(PROFILE_SHELLS as readonly unknown[]).includes(s))) {
    fail('targets.shells', msg('apply.profile.targets-shells', { shells: PROFILE_SHELLS.join(', ') }));
    return null;
  }
  return { goEnv: value.goEnv, shells: [...new Set(value.shells as ProfileShell[])] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
