// `--module path@version` of `bench` and `watch`: the flag when given, else the probe module of
// the settings file the dashboard edits (electron/core/service/settings-file.ts), else the one
// built-in default. One parser (shared/bench/probe-module.ts) for the flag and the setting.
import { parseProbeModule, probeModuleProblemText, type ModuleRef } from '../../shared/bench/probe-module.js';
import { productDirs } from '../core/apply/index.js';
import { readProbeModule } from '../core/service/settings-file.js';
import { UsageError, type FlagValue } from './command.js';

export async function probeModuleFor(flag: FlagValue, env: NodeJS.ProcessEnv): Promise<ModuleRef> {
  if (flag === undefined) return readProbeModule(productDirs(env).config);
  const parsed = parseProbeModule(String(flag));
  if (!parsed.ok) throw new UsageError(`--module: ${probeModuleProblemText(parsed)}`);
  return parsed.module;
}
