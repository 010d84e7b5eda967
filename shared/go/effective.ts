// Which value go actually uses for each proxy-related variable, and where it comes from:
// a port of cfg.Getenv / EnvOrAndChanged / initEnvCache (cmd/go/internal/cfg/cfg.go).
// Precedence: non-empty OS env > user env file > $GOROOT/go.env (never overriding a key
// the user file has, even with an empty value) > the default compiled into go.

export const GO_PROXY_VARS = [
  'GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE',
  'GOFLAGS', 'GOAUTH', 'GOENV', 'GOTOOLCHAIN', 'GO111MODULE',
] as const;
export type GoProxyVar = (typeof GO_PROXY_VARS)[number];
export type ConfigSource = 'os-env' | 'env-file' | 'goroot-env' | 'default' | 'derived';

export interface ConfigInputs {
  /** The process environment (an empty string counts as unset). */
  osEnv: Readonly<Record<string, string | undefined>>;
  /** null when GOENV=off or the file is missing. */
  envFile: { path: string; vars: ReadonlyMap<string, string> } | null;
  /** $GOROOT/go.env (go >= 1.21); null when absent. */
  gorootEnv: { path: string; vars: ReadonlyMap<string, string> } | null;
  /** e.g. "go1.19.8"; decides the built-in defaults. */
  goVersion: string | null;
}

export interface Shadowed {
  source: ConfigSource;
  value: string;
  path?: string;
}

export interface EffectiveVar {
  name: GoProxyVar;
  value: string;
  source: ConfigSource;
  /** The file, for env-file and goroot-env. */
  path?: string;
  derivedFrom?: 'GOPRIVATE';
  /** Lower sources (env file, go.env) that also set it, highest first. */
  shadows: Shadowed[];
}

export type EffectiveConfig = Record<GoProxyVar, EffectiveVar>;

/**
 * The defaults compiled into go. Before go 1.21 GOPROXY and GOSUMDB were compiled in;
 * from 1.21 they come from $GOROOT/go.env and the compiled default is "" (as is
 * GOTOOLCHAIN's). GOAUTH exists from 1.24 with default "netrc".
 * An unknown version is treated as a current one.
 */
export function builtinDefault(name: GoProxyVar, goVersion: string | null): string {
  const version = parseGoVersion(goVersion);
  const before = (minor: number): boolean => version !== null && version.major === 1 && version.minor < minor;
  switch (name) {
    case 'GOPROXY':
      return before(21) ? 'https://proxy.golang.org,direct' : '';
    case 'GOSUMDB':
      return before(21) ? 'sum.golang.org' : '';
    case 'GOAUTH':
      return version === null || !before(24) ? 'netrc' : '';
    default:
      return '';
  }
}

export function effectiveConfig(inputs: ConfigInputs): EffectiveConfig {
  const result = {} as EffectiveConfig;
  for (const name of GO_PROXY_VARS) {
    if (name === 'GOENV') result.GOENV = effectiveGoenv(inputs);
    else if (name !== 'GONOPROXY' && name !== 'GONOSUMDB') result[name] = lookup(inputs, name);
  }
  result.GONOPROXY = withPrivateDefault(lookup(inputs, 'GONOPROXY'), result.GOPRIVATE);
  result.GONOSUMDB = withPrivateDefault(lookup(inputs, 'GONOSUMDB'), result.GOPRIVATE);
  return result;
}

/** cfg.Getenv, then the built-in default when the result is empty. */
function lookup(inputs: ConfigInputs, name: GoProxyVar): EffectiveVar {
  const candidates: Shadowed[] = [];
  const osValue = inputs.osEnv[name];
  if (osValue !== undefined && osValue !== '') candidates.push({ source: 'os-env', value: osValue });
  const fileValue = inputs.envFile?.vars.get(name);
  if (inputs.envFile !== null && fileValue !== undefined) {
    candidates.push({ source: 'env-file', value: fileValue, path: inputs.envFile.path });
  }
  // go.env never overrides a key present in the user file, not even one with an empty value.
  const gorootValue = inputs.gorootEnv?.vars.get(name);
  if (inputs.gorootEnv !== null && gorootValue !== undefined && fileValue === undefined) {
    candidates.push({ source: 'goroot-env', value: gorootValue, path: inputs.gorootEnv.path });
  }
  const [winner, ...lower] = candidates;
  const shadows = lower.filter((c) => c.source !== 'os-env');
  if (winner === undefined || winner.value === '') {
    // Getenv returned "": go uses the compiled-in default (EnvOrAndChanged / envOr).
    const allShadows = winner === undefined ? shadows : [winner, ...shadows];
    return { name, value: builtinDefault(name, inputs.goVersion), source: 'default', shadows: allShadows };
  }
  const effective: EffectiveVar = { name, value: winner.value, source: winner.source, shadows };
  if (winner.path !== undefined) effective.path = winner.path;
  return effective;
}

/** GONOPROXY and GONOSUMDB default to GOPRIVATE's value when unset. */
function withPrivateDefault(own: EffectiveVar, goprivate: EffectiveVar): EffectiveVar {
  if (own.source !== 'default' || goprivate.value === '') return own;
  return { ...own, value: goprivate.value, source: 'derived', derivedFrom: 'GOPRIVATE' };
}

/** GOENV is read only from the OS environment; otherwise it is the env file's path. */
function effectiveGoenv(inputs: ConfigInputs): EffectiveVar {
  const osValue = inputs.osEnv.GOENV;
  if (osValue !== undefined && osValue !== '') return { name: 'GOENV', value: osValue, source: 'os-env', shadows: [] };
  const path = inputs.envFile?.path ?? '';
  return { name: 'GOENV', value: path, source: 'default', shadows: [] };
}

function parseGoVersion(v: string | null): { major: number; minor: number } | null {
  const m = v === null ? null : /^go(\d+)\.(\d+)/.exec(v);
  return m === null ? null : { major: Number(m[1]), minor: Number(m[2]) };
}
