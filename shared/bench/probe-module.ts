// The probe module: the one module every health probe, benchmark, "Test now" and watcher round
// asks each proxy for. One default and one parser here; the user's choice lives in the settings
// file (electron/core/service/settings-file.ts) and `--module` overrides it for one command.
//
// A proxy that answers 404/410 for it is reachable and simply lacks that module (a private or
// partial mirror, a lab): it is never "failing", and never a reason to recommend `direct`. The
// benchmark then asks for the widely mirrored modules below before concluding so.
import { parseModuleQuery } from '../contract/module-query.js';
import { render } from '../i18n/catalog.js';
import { msg, type Message } from '../i18n/message.js';

export interface ModuleRef {
  path: string;
  version: string;
}

/** Small (its zip is a few hundred kB) and served by every public proxy. */
export const DEFAULT_PROBE_MODULE: ModuleRef = { path: 'golang.org/x/mod', version: 'v0.17.0' };

/** Asked for, in order, when a proxy does not have the probe module: modules every public mirror has cached. */
export const WIDELY_MIRRORED_MODULES: readonly ModuleRef[] = [
  { path: 'golang.org/x/text', version: 'v0.14.0' },
  { path: 'github.com/google/uuid', version: 'v1.6.0' },
  { path: 'github.com/pkg/errors', version: 'v0.9.1' },
];

export function formatModule(m: ModuleRef): string {
  return `${m.path}@${m.version}`;
}

export type ProbeModuleParse = { ok: true; module: ModuleRef } | { ok: false; problem: 'empty' | 'bad-path' | 'bad-version' | 'no-version'; detail: string };

/** "path@version" as the probe needs it: the shared module-query parser, with a version required. */
export function parseProbeModule(text: string): ProbeModuleParse {
  const q = parseModuleQuery(text);
  if (!q.ok) return q;
  if (q.version === null) return { ok: false, problem: 'no-version', detail: q.module };
  return { ok: true, module: { path: q.module, version: q.version } };
}

/** A parse problem as a message (the CLI's usage errors), rendered in the user's language. */
export function probeModuleProblem(p: Exclude<ProbeModuleParse, { ok: true }>): Message {
  const example = formatModule(DEFAULT_PROBE_MODULE);
  switch (p.problem) {
    case 'empty':
      return msg('common.probe-module.empty', { example });
    case 'bad-path':
      return msg('common.probe-module.bad-path', { detail: p.detail, example });
    case 'bad-version':
      return msg('common.probe-module.bad-version', { detail: p.detail, example });
    case 'no-version':
      return msg('common.probe-module.no-version', { example });
  }
}

/** The same in English, for the settings schema's validation errors. */
export function probeModuleProblemText(p: Exclude<ProbeModuleParse, { ok: true }>): string {
  return render('en', probeModuleProblem(p));
}

/** The modules a probe asks for, in order: the chosen one, then the widely mirrored ones. */
export function probeModulesInOrder(chosen: ModuleRef, fallbacks: readonly ModuleRef[] = WIDELY_MIRRORED_MODULES): ModuleRef[] {
  return [chosen, ...fallbacks.filter((m) => m.path !== chosen.path || m.version !== chosen.version)];
}

/** The setting's text (null: the built-in default) as a module; an invalid text counts as the default. */
export function probeModuleOf(setting: string | null | undefined, fallback: ModuleRef = DEFAULT_PROBE_MODULE): ModuleRef {
  if (setting === null || setting === undefined) return fallback;
  const parsed = parseProbeModule(setting);
  return parsed.ok ? parsed.module : fallback;
}
