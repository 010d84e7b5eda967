// What the tray's "Install command-line tool" tells the user: its outcome as a notification
// (the tray has no window to show it in). Pure: main.ts shows it.
import type { Envelope } from '../../shared/contract/envelope.js';
import type { CliToolView } from '../../shared/contract/responses.js';
import type { Locale } from '../../shared/i18n/message.js';
import { trayText } from './tray-locale.js';

export function cliInstallNotice(outcome: Envelope<CliToolView>, dirOf: (file: string) => string, locale: Locale): { title: string; body: string } {
  if (!outcome.ok) return { title: trayText(locale, 'tray.cliInstallFailedTitle'), body: outcome.error.message };
  const view = outcome.value;
  if (view.onPath) return { title: trayText(locale, 'tray.cliInstalledTitle'), body: trayText(locale, 'tray.cliInstalledBody', { target: view.target }) };
  // On Windows the target is the directory itself; elsewhere the link, whose directory must be on PATH.
  const dir = view.target.endsWith('goproxyctl') ? dirOf(view.target) : view.target;
  return { title: trayText(locale, 'tray.cliInstalledTitle'), body: trayText(locale, 'tray.cliInstalledOffPathBody', { target: view.target, dir }) };
}
