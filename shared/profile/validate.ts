// The profile schema, checked by hand (pure, no package): every error is one sentence that names
// the field, says what is wrong and what to write instead. Unknown fields are errors, so a typo
// ("goprivte") is caught instead of silently ignored.
import { parseGoproxy } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { checkPrefixPatterns } from '../go/match.js';
import { parseGoURL } from '../go/neturl.js';
import { PLACEHOLDER, PROFILE_SCHEMA, PROFILE_SHELLS, type CredentialRef, type Profile, type ProfileShell, type ProxyEntry, type RelayOption } from './types.js';

export type ProfileCheck = { ok: true; profile: Profile } | { ok: false; errors: string[] };

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const FIELDS = ['schema', 'id', 'name', 'description', 'goproxy', 'gosumdb', 'goprivate', 'gonoproxy', 'gonosumdb', 'goinsecure', 'goflags', 'credentials', 'targets', 'relay'];
const PATTERN_FIELDS = ['goprivate', 'gonoproxy', 'gonosumdb', 'goinsecure'] as const;

export function isValidProfileId(id: string): boolean {
  return ID.test(id);
}

export function profileIdProblem(id: string): string | null {
  return ID.test(id) ? null : `"${id}" is not a valid profile id; use 1 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit`;
}

/** Validates parsed JSON as a profile. `where` prefixes field names (e.g. "profiles[2]"). */
export function validateProfile(value: unknown, where = ''): ProfileCheck {
  const errors: string[] = [];
  const at = (field: string): string => (where ? `${where}.${field}` : field);
  const fail = (field: string, message: string): void => {
    errors.push(`${at(field)}: ${message}`);
  };
  if (!isRecord(value)) return { ok: false, errors: [`${where || 'profile'}: must be a JSON object with the fields id, name, goproxy, ...`] };

  for (const key of Object.keys(value)) if (!FIELDS.includes(key)) fail(key, `unknown field; remove it (known fields: ${FIELDS.join(', ')})`);
  if (value.schema !== PROFILE_SCHEMA) {
    if (typeof value.schema === 'number' && value.schema > PROFILE_SCHEMA) fail('schema', `version ${value.schema} is newer than this goproxyctl understands (${PROFILE_SCHEMA}); update goproxyctl`);
    else fail('schema', `must be ${PROFILE_SCHEMA}`);
  }
  if (typeof value.id !== 'string') fail('id', 'must be a string such as "my-team"');
  else {
    const problem = profileIdProblem(value.id);
    if (problem) fail('id', problem);
  }
  if (typeof value.name !== 'string' || value.name.trim() === '') fail('name', 'must be a non-empty string');
  if (value.description !== undefined && typeof value.description !== 'string') fail('description', 'must be a string when present');

  const goproxy = checkGoproxyEntries(value.goproxy, (field, message) => fail(field, message));
  if (value.gosumdb !== null) {
    if (typeof value.gosumdb !== 'string') fail('gosumdb', 'must be a string such as "sum.golang.org", or null to use go\'s default');
    else if (!PLACEHOLDER.test(value.gosumdb)) {
      const parsed = parseGosumdb(value.gosumdb);
      if (!parsed.ok) fail('gosumdb', `go rejects "${value.gosumdb}" (${parsed.error}); use "sum.golang.org", "sum.golang.google.cn", "off" or "NAME+KEY [URL]"`);
    }
  }
  for (const field of PATTERN_FIELDS) {
    const v = value[field];
    const nullable = field === 'gonoproxy' || field === 'gonosumdb';
    if (v === null && nullable) continue;
    if (typeof v !== 'string') {
      fail(field, nullable ? 'must be a comma-separated list of module path globs, "" or null (null: same as goprivate)' : 'must be a comma-separated list of module path globs, or ""');
      continue;
    }
    if (PLACEHOLDER.test(v) || (v === 'none' && nullable)) continue;
    for (const problem of checkPrefixPatterns(v)) {
      if (problem.code === 'too-broad') continue; // allowed; the doctor warns about it
      fail(field, problem.message);
    }
  }
  if (value.goflags !== undefined && typeof value.goflags !== 'string') fail('goflags', 'must be a string such as "-mod=mod" when present');
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
 * What must be filled in before the profile can be applied: one sentence per placeholder left in
 * a template (e.g. the corporate profile's private proxy URL). [] when it is ready.
 */
export function applyBlockers(profile: Profile): string[] {
  const blockers: string[] = [];
  const check = (field: string, value: string | null | undefined, what: string): void => {
    const m = value == null ? null : PLACEHOLDER.exec(value);
    if (m) blockers.push(`${field}: replace ${m[0]} with ${what}`);
  };
  profile.goproxy.forEach((e, i) => check(`goproxy[${i}].url`, e.url, "your private proxy's URL, e.g. https://athens.corp.example.com"));
  check('gosumdb', profile.gosumdb, 'a checksum database, e.g. sum.golang.org');
  check('goprivate', profile.goprivate, 'the module path globs of your private code, e.g. git.corp.example.com,github.com/your-org');
  check('gonoproxy', profile.gonoproxy, 'module path globs, or null');
  check('gonosumdb', profile.gonosumdb, 'module path globs, or null');
  check('goinsecure', profile.goinsecure, 'module path globs, or ""');
  profile.credentials.forEach((c, i) => check(`credentials[${i}].origin`, c.origin, "your private proxy's origin, e.g. https://athens.corp.example.com"));
  return blockers;
}

function checkGoproxyEntries(value: unknown, fail: (field: string, message: string) => void): ProxyEntry[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    fail('goproxy', 'must be a non-empty list of entries such as [{"url": "https://proxy.golang.org", "separator": "|"}, {"url": "direct"}]');
    return null;
  }
  const entries: ProxyEntry[] = [];
  let ok = true;
  value.forEach((raw: unknown, i) => {
    const field = `goproxy[${i}]`;
    const last = i === value.length - 1;
    if (!isRecord(raw) || typeof raw.url !== 'string') {
      fail(field, 'must be an object with a "url" string and, except on the last entry, a "separator" ("," or "|")');
      ok = false;
      return;
    }
    for (const key of Object.keys(raw)) if (key !== 'url' && key !== 'separator') fail(`${field}.${key}`, 'unknown field; an entry has only "url" and "separator"');
    const url = raw.url;
    const problem = PLACEHOLDER.test(url) ? null : entryProblem(url);
    if (problem) {
      fail(`${field}.url`, problem);
      ok = false;
    }
    if ((url === 'direct' || url === 'off') && !last) {
      fail(`${field}.url`, `"${url}" ends the list, so go ignores every entry after it; move it to the end or remove the entries after it`);
      ok = false;
    }
    const sep = raw.separator;
    if (last) {
      if (sep !== undefined) {
        fail(`${field}.separator`, 'the last entry has no separator after it; remove "separator"');
        ok = false;
      }
      entries.push({ url });
    } else if (sep !== ',' && sep !== '|') {
      fail(`${field}.separator`, 'must be "|" (try the next entry on any error) or "," (only when this one answers 404/410)');
      ok = false;
    } else entries.push({ url, separator: sep });
  });
  return ok ? entries : null;
}

/** Why one GOPROXY entry is not acceptable in a profile, or null. */
function entryProblem(url: string): string | null {
  if (url === 'direct' || url === 'off') return null;
  if (/[,|]/.test(url)) return `"${url}" contains "," or "|"; give each proxy its own entry`;
  if (/\s/.test(url) || url === '') return `"${url}" is empty or contains whitespace; write the URL alone, e.g. https://goproxy.cn`;
  const parsed = parseGoproxy(url);
  if (!parsed.ok) return `go rejects "${url}" (${parsed.error}); write a full URL such as https://goproxy.cn`;
  const entry = parsed.value.entries[0];
  if (entry?.kind === 'proxy' && entry.hasCredentials) return 'contains credentials; remove them from the URL and store them with `goproxyctl auth set`';
  if (!/^(https?|file):\/\//.test(url)) return `"${url}" has no scheme; write it in full, e.g. https://${url.replace(/^\/*/, '')}`;
  return null;
}

/** The "through the local relay" option: absent or null (off), or {"port": N}; undefined when invalid. */
function checkRelay(value: unknown, goproxy: ProxyEntry[] | null, fail: (field: string, message: string) => void): RelayOption | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'port')) {
    fail('relay', 'must be null (go walks the chain itself) or {"port": 7890} (go asks the local relay on that port first)');
    return undefined;
  }
  const port = value.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail('relay.port', `must be a whole number from 1 to 65535, not ${JSON.stringify(port)}`);
    return undefined;
  }
  const first = goproxy?.[0]?.url;
  if (first !== undefined && new RegExp(`^http://(?:127\\.0\\.0\\.1|localhost):${port}/?$`).test(first)) {
    fail('goproxy[0].url', `"${first}" is the relay itself and "relay" already puts it first; remove the entry`);
    return undefined;
  }
  if (first === 'off') {
    fail('relay', 'the chain is "off", so the relay would have nothing to walk; set "relay" to null or give the profile a chain');
    return undefined;
  }
  return { port };
}

function checkCredentials(value: unknown, fail: (field: string, message: string) => void): CredentialRef[] | null {
  if (!Array.isArray(value)) {
    fail('credentials', 'must be a list (possibly empty) of {"origin": "https://host"} references to credentials stored with `goproxyctl auth set`');
    return null;
  }
  const refs: CredentialRef[] = [];
  let ok = true;
  value.forEach((raw: unknown, i) => {
    const field = `credentials[${i}]`;
    if (!isRecord(raw) || typeof raw.origin !== 'string' || Object.keys(raw).some((k) => k !== 'origin')) {
      fail(field, 'must be {"origin": "https://host[:port]"} and nothing else (secrets never go in a profile)');
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

function originProblem(origin: string): string | null {
  const parsed = parseGoURL(origin);
  if (!parsed.ok || parsed.url.scheme !== 'https' || parsed.url.host === '') return `"${origin}" is not an https origin; write https://host or https://host:port`;
  const u = parsed.url;
  if (u.user !== null) return 'contains credentials; keep only https://host[:port] and store the secret with `goproxyctl auth set`';
  if ((u.path !== '' && u.path !== '/') || u.rawQuery !== '' || u.fragment !== '') return `"${origin}" has a path, query or fragment; keep only https://host[:port]`;
  return null;
}

function checkTargets(value: unknown, fail: (field: string, message: string) => void): Profile['targets'] | null {
  if (!isRecord(value) || typeof value.goEnv !== 'boolean' || Object.keys(value).some((k) => k !== 'goEnv' && k !== 'shells')) {
    fail('targets', 'must be {"goEnv": true|false, "shells": null or a list of bash, zsh, fish, pwsh}');
    return null;
  }
  if (value.shells === null || value.shells === undefined) return { goEnv: value.goEnv, shells: null };
  if (!Array.isArray(value.shells) || value.shells.some((s) => !(PROFILE_SHELLS as readonly unknown[]).includes(s))) {
    fail('targets.shells', `must be null (the login shell plus every shell in use) or a list of ${PROFILE_SHELLS.join(', ')}`);
    return null;
  }
  return { goEnv: value.goEnv, shells: [...new Set(value.shells as ProfileShell[])] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
