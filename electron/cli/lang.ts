// The language of a command's messages, one rule for every command: --lang, else the app's
// language setting (settings.json, the same one the dashboard and the tray follow), else the OS
// locale as POSIX programs read it (LC_ALL, then LC_MESSAGES, then LANG).
import { loadSettings } from '../core/service/settings-file.js';
import { productDirs } from '../core/apply/product-dirs.js';
import { UsageError, type CliIo } from './command.js';
import { render, type MessageId } from '../../shared/i18n/catalog.js';
import { msg, type Locale, type MessageParam } from '../../shared/i18n/message.js';

export type CliLang = 'en' | 'zh';

/** Pure: the decision, given the flag, the setting and the environment. */
export function chooseLang(flag: unknown, setting: string | null, env: NodeJS.ProcessEnv): CliLang {
  if (typeof flag === 'string') {
    if (flag === 'en') return 'en';
    if (flag === 'zh' || flag === 'zh-CN') return 'zh';
    throw new UsageError(msg('cli.error.bad-lang', { lang: flag }));
  }
  if (setting === 'en') return 'en';
  if (setting === 'zh-CN') return 'zh';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export async function resolveCliLang(flag: unknown, env: NodeJS.ProcessEnv): Promise<CliLang> {
  if (typeof flag === 'string') return chooseLang(flag, null, env);
  const settings = await loadSettings(productDirs(env).config).catch(() => null);
  return chooseLang(undefined, settings?.language ?? null, env);
}

/** The product's Locale (shared/i18n) for a command's language: what the engine catalogue renders in. */
export function localeOfCli(lang: CliLang | undefined): Locale {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** A catalogue message in the command's language, as text. */
export function cliWords(io: Pick<CliIo, 'lang'>, id: MessageId, params?: Readonly<Record<string, MessageParam>>): string {
  return render(localeOfCli(io.lang), msg(id, params));
}
