// `--module path@version` of `bench` and `watch`: the flag when given, else the probe module of
// the settings file the dashboard edits (electron/core/service/settings-file.ts), else the one
// built-in default. One parser (shared/bench/probe-module.ts) for the flag and the setting.
import { parseProbeModule, probeModuleProblem, type ModuleRef } from '../../shared/bench/probe-module.js';
import { msg } from '../../shared/i18n/message.js';
import { productDirs } from '../core/apply/index.js';
import { readProbeModule } from '../core/service/settings-file.js';
import { UsageError, type FlagValue } from './command.js';

/** The module to probe; a bad flag is a usage error (a message: run.ts words it in the command's language). */
export async function probeModuleFor(flag: FlagValue, env: NodeJS.ProcessEnv): Promise<ModuleRef> {
  if (flag === undefined) return readProbeModule(productDirs(env).config);
  const parsed = parseProbeModule(String(flag));
  if (!parsed.ok) throw new UsageError(msg('common.flag-problem', { flag: '--module', problem: probeModuleProblem(parsed) }));
  return parsed.module;
}
