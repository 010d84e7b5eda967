// The app's settings on disk, under the product's config dir, each write atomic:
//   settings.json  language, theme, launch at login, whether auto-repair runs, and the probe
//                  module (read by `goproxyctl bench` and `goproxyctl watch` too, so the CLI, the
//                  dashboard, "Test now" and the watcher all ask proxies for the same module);
//   watch.json     the repair policy (tolerances, dwell, network rules), the very file
//                  `goproxyctl watch` reads, so the CLI daemon and the tray agree.
// An unreadable or invalid file counts as the defaults: settings must never stop the app.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_PROBE_MODULE, probeModuleOf, type ModuleRef } from '../../../shared/bench/probe-module.js';
import { settingsSchema } from '../../../shared/contract/request-schemas.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/contract/state.js';
import { networkRuleProblemMessage, type NetworkRule, type RepairSettings } from '../../../shared/repair/index.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export const SETTINGS_FILE = 'settings.json';
export const WATCH_FILE = 'watch.json';

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Pure: the two files' contents merged over the defaults; a field that does not check is a default. */
export function mergeSettings(app: Record<string, unknown>, watch: Record<string, unknown>): AppSettings {
  const d = DEFAULT_SETTINGS;
  const candidate = {
    language: app.language ?? d.language,
    theme: app.theme ?? d.theme,
    launchAtLogin: app.launchAtLogin ?? d.launchAtLogin,
    probeModule: app.probeModule ?? d.probeModule,
    autoRepair: { ...d.autoRepair, ...pick(watch, Object.keys(d.autoRepair)), enabled: app.autoRepair ?? d.autoRepair.enabled },
  };
  const checked = settingsSchema.check(candidate);
  if (checked.ok) return checked.value;
  // Fall back field by field, so one bad rule does not reset the language.
  const whole = (key: keyof AppSettings) => (settingsSchema.check({ ...d, [key]: candidate[key] }).ok ? candidate[key] : d[key]);
  return { language: whole('language'), theme: whole('theme'), launchAtLogin: whole('launchAtLogin'), autoRepair: whole('autoRepair'), probeModule: whole('probeModule') } as AppSettings;
}

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k !== 'enabled' && Object.hasOwn(from, k)).map((k) => [k, from[k]]));
}

export async function loadSettings(configDir: string): Promise<AppSettings> {
  const [app, watch] = await Promise.all([readJson(path.join(configDir, SETTINGS_FILE)), readWatchFile(configDir)]);
  return mergeSettings(app, watch.raw);
}

/**
 * watch.json, read once for everyone: the policy the tray's watcher and `goproxyctl watch` both
 * use (each bad field falls back to its default, as mergeSettings does), and the file's problems
 * as messages. The tray runs with the fallback; `goproxyctl watch` refuses to start on a problem.
 */
export async function readWatchPolicy(configDir: string): Promise<{ policy: RepairSettings; problems: Message[] }> {
  const { raw, problems } = await readWatchFile(configDir);
  return { policy: repairSettingsOf(mergeSettings({}, raw)), problems };
}

async function readWatchFile(configDir: string): Promise<{ raw: Record<string, unknown>; problems: Message[] }> {
  const file = path.join(configDir, WATCH_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { raw: {}, problems: [] }; // no file: the defaults
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { raw: {}, problems: [msg('ops.policy.not-json', { file, error: (err as Error).message })] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { raw: {}, problems: [msg('ops.policy.not-object', { file })] };
  const raw = value as Record<string, unknown>;
  const problems: Message[] = [];
  for (const k of ['failureThreshold', 'absoluteTolerance', 'relativeTolerance', 'dwellMs', 'manualGraceMs'] as const) {
    if (k in raw && !(typeof raw[k] === 'number' && raw[k] >= 0)) problems.push(msg('ops.policy.not-number', { file, field: k }));
  }
  if ('rules' in raw) {
    if (!Array.isArray(raw.rules)) problems.push(msg('ops.policy.rules-not-list', { file }));
    else for (const rule of raw.rules as unknown[]) {
      const shaped = typeof rule === 'object' && rule !== null && typeof (rule as { when?: unknown }).when === 'object' && (rule as { when?: unknown }).when !== null;
      const problem = shaped ? networkRuleProblemMessage(rule as NetworkRule) : msg('ops.policy.rule-shape');
      if (problem) problems.push(msg('ops.policy.in-file', { file, problem }));
    }
  }
  return { raw, problems };
}

export function repairSettingsOf(settings: AppSettings): RepairSettings {
  const { enabled: _enabled, ...policy } = settings.autoRepair;
  return policy;
}

export async function saveSettings(configDir: string, settings: AppSettings): Promise<void> {
  await mkdir(configDir, { recursive: true });
  const app = {
    language: settings.language,
    theme: settings.theme,
    launchAtLogin: settings.launchAtLogin,
    autoRepair: settings.autoRepair.enabled,
    // Absent means the built-in default, which may change with a release; only a choice is written.
    ...(settings.probeModule !== null ? { probeModule: settings.probeModule } : {}),
  };
  // watch.json may hold fields of the CLI's that the app does not know: keep them.
  const watch = { ...(await readJson(path.join(configDir, WATCH_FILE))), ...repairSettingsOf(settings) };
  await writeFileAtomic(path.join(configDir, WATCH_FILE), JSON.stringify(watch, null, 2) + '\n', { mode: 0o600 });
  await writeFileAtomic(path.join(configDir, SETTINGS_FILE), JSON.stringify(app, null, 2) + '\n', { mode: 0o600 });
}

/** The probe module the settings choose, over `fallback` (the built-in default unless a caller supplies its own). */
export function probeModuleOfSettings(settings: Pick<AppSettings, 'probeModule'>, fallback: ModuleRef = DEFAULT_PROBE_MODULE): ModuleRef {
  return probeModuleOf(settings.probeModule, fallback);
}

/** The probe module from the settings file under `configDir` (the CLI's `bench` and `watch` read it here). */
export async function readProbeModule(configDir: string): Promise<ModuleRef> {
  return probeModuleOfSettings(await loadSettings(configDir));
}
