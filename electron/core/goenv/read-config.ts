// Reads the Go configuration from the same places, in the same order, as the go command:
// the process environment, the user env file (`go env -w`), and $GOROOT/go.env.
// The decisions (precedence, defaults, shadowing) are pure and live in shared/go/effective.ts;
// this file only gathers the inputs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { effectiveConfig, type ConfigInputs, type EffectiveConfig } from '../../../shared/go/effective.js';
import { parseGoEnvFile } from '../../../shared/go/envfile.js';
import { findGoBinary } from './locate-go.js';
import { queryGo, type GoFacts } from './query-go.js';
import { goEnvFilePath } from '../apply/go-env-path.js';
import { isMissing } from '../system/is-missing.js';

export interface GoConfigSnapshot {
  /** The go binary that answered, or null when none is installed (or it failed: see goError). */
  go: GoFacts | null;
  goError: string | null;
  /** The env file go reads; null when GOENV=off or no config directory can be found. */
  envFilePath: string | null;
  inputs: ConfigInputs;
  effective: EffectiveConfig;
}

export interface ReadGoConfigOptions {
  platform?: NodeJS.Platform;
  signal?: AbortSignal;
  /** Skip running `go` (e.g. when the caller already knows it is absent). */
  goBinary?: string | null;
}

export async function readGoConfig(env: NodeJS.ProcessEnv, opts: ReadGoConfigOptions = {}): Promise<GoConfigSnapshot> {
  const platform = opts.platform ?? process.platform;
  const binary = opts.goBinary === undefined ? findGoBinary(env, platform) : opts.goBinary;
  let go: GoFacts | null = null;
  let goError: string | null = null;
  if (binary) {
    try {
      go = await queryGo(binary, env, opts.signal);
    } catch (err) {
      goError = (err as Error).message;
    }
  }

  const envFilePath = go ? go.goenv || null : goEnvFilePath(env, platform).path;
  const goroot = go?.goroot || env.GOROOT || null;
  const [envFile, gorootEnv] = await Promise.all([
    readVarsFile(envFilePath),
    readVarsFile(goroot ? path.join(goroot, 'go.env') : null),
  ]);
  const inputs: ConfigInputs = { osEnv: { ...env }, envFile, gorootEnv, goVersion: go?.version ?? null };
  return { go, goError, envFilePath, inputs, effective: effectiveConfig(inputs) };
}

async function readVarsFile(file: string | null): Promise<ConfigInputs['envFile']> {
  if (!file) return null;
  try {
    // go reads these files as bytes; names are ASCII and values are passed through,
    // so UTF-8 decoding keeps every value go would see.
    const text = await readFile(file, 'utf8');
    return { path: file, vars: parseGoEnvFile(text) };
  } catch (err) {
    if (isMissing(err)) return null;
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
}
