// The built-in profiles (their words are the catalogue's English, shared/i18n/parts/apply.ts). Ids are stable (scripts and the tray refer to them); the values and the
// reasons for them are documented in docs/profiles.md and follow go-semantics.md.
import { applyEn } from '../i18n/parts/apply.js';
import { PROFILE_SCHEMA, type Profile } from './types.js';

const everyShell = { goEnv: true, shells: null };

export const BUILTIN_PROFILES: readonly Profile[] = [
  {
    schema: PROFILE_SCHEMA,
    id: 'china',
    name: applyEn['apply.builtin.china.name'],
    description: applyEn['apply.builtin.china.description'],
    // "|" after goproxy.cn: a 5xx, a reset or a timeout there moves on to Alibaba Cloud (a "," would
    // stop go with an error). "," before direct: direct is tried only when both mirrors answer
    // 404/410 (a module they cannot see); when both mirrors are broken, going direct from the
    // mainland mostly means a 30 s dial timeout per module host, so go fails fast instead.
    goproxy: [
      { url: 'https://goproxy.cn', separator: '|' },
      { url: 'https://mirrors.aliyun.com/goproxy/', separator: ',' },
      { url: 'direct' },
    ],
    // go special-cases this name: sum.golang.org's key, served from https://sum.golang.google.cn.
    gosumdb: 'sum.golang.google.cn',
    goprivate: '',
    gonoproxy: null,
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: everyShell,
  },
  {
    schema: PROFILE_SCHEMA,
    id: 'global',
    name: applyEn['apply.builtin.global.name'],
    description: applyEn['apply.builtin.global.description'],
    // Go's default is "https://proxy.golang.org,direct": a timeout or 5xx there ends the search.
    // With "|" go fetches from the version-control host instead, which every public module has.
    goproxy: [{ url: 'https://proxy.golang.org', separator: '|' }, { url: 'direct' }],
    gosumdb: 'sum.golang.org',
    goprivate: '',
    gonoproxy: null,
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: everyShell,
  },
  {
    schema: PROFILE_SCHEMA,
    id: 'corporate',
    name: applyEn['apply.builtin.corporate.name'],
    description: applyEn['apply.builtin.corporate.description'],
    // Private modules go to the private proxy: GONOPROXY="none" matches no path, so they do not
    // inherit GOPRIVATE there and bypass it (go would then fetch them from their VCS, with none of
    // the proxy's credentials). GONOSUMDB stays unset, so it follows GOPRIVATE: private paths are
    // never looked up in sum.golang.org.
    goproxy: [
      { url: '<PRIVATE_PROXY_URL>', separator: '|' },
      { url: 'https://proxy.golang.org', separator: ',' },
      { url: 'direct' },
    ],
    gosumdb: 'sum.golang.org',
    goprivate: '<PRIVATE_MODULE_PATTERNS>',
    gonoproxy: 'none',
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: everyShell,
  },
  {
    schema: PROFILE_SCHEMA,
    id: 'offline',
    name: applyEn['apply.builtin.offline.name'],
    description: applyEn['apply.builtin.offline.description'],
    goproxy: [{ url: 'off' }],
    gosumdb: null,
    goprivate: '',
    gonoproxy: null,
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: everyShell,
  },
];

export const BUILTIN_IDS: readonly string[] = BUILTIN_PROFILES.map((p) => p.id);

export function builtinProfile(id: string): Profile | null {
  const found = BUILTIN_PROFILES.find((p) => p.id === id);
  return found ? structuredCloneProfile(found) : null;
}

export function structuredCloneProfile(p: Profile): Profile {
  return JSON.parse(JSON.stringify(p)) as Profile;
}
