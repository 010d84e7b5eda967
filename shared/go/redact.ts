// Credentials can sit inside configuration values (GOPROXY=https://user:pass@host). Anything
// that shows or exports a value passes it through here first, so a password never reaches a
// terminal, a log, the UI or a JSON file. The form matches Go's url.Redacted ("user:xxxxx@").
import type { EffectiveConfig, EffectiveVar } from './effective.js';

// userinfo with a password, with or without a scheme (go adds https:// to bare entries).
const USERINFO_WITH_PASSWORD = /((?:^|[,|\s])(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?)([^\s,|/@:]*):([^\s,|/@]*)@/g;

export function redactCredentials(value: string): string {
  return value.replace(USERINFO_WITH_PASSWORD, (_m, prefix: string, user: string) => `${prefix}${user}:xxxxx@`);
}

function redactVar(v: EffectiveVar): EffectiveVar {
  return {
    ...v,
    value: redactCredentials(v.value),
    shadows: v.shadows.map((s) => ({ ...s, value: redactCredentials(s.value) })),
  };
}

export function redactEffectiveConfig(config: EffectiveConfig): EffectiveConfig {
  const out = {} as Record<string, EffectiveVar>;
  for (const [name, v] of Object.entries(config)) out[name] = redactVar(v);
  return out as EffectiveConfig;
}
