// Renders the effective configuration: each variable's value, where it comes from, and what
// it shadows. Shadowing is the classic trap (an `export GOPROXY=...` beating `go env -w`).
// In the command's language (English by default); the words are the catalogue's (ops.source.*, ops.env.*).
import { sourceWords } from '../../../shared/doctor/source-words.js';
import type { EffectiveConfig, EffectiveVar } from '../../../shared/go/effective.js';
import { redactCredentials } from '../../../shared/go/redact.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import type { GoConfigSnapshot } from '../../core/goenv/read-config.js';

function say(locale: Locale, words: Message | string): string {
  return typeof words === 'string' ? words : render(locale, words);
}

/** Where the value comes from, in words: "go env file (/home/u/.config/go/env)". */
export function describeSource(v: EffectiveVar, locale: Locale = 'en'): string {
  const withPath = v.source === 'env-file' || v.source === 'goroot-env';
  return say(locale, sourceWords(v.source, withPath ? v.path : null));
}

/** Lines such as "GOPROXY   https://goproxy.cn|direct   environment". */
export function formatConfigTable(effective: EffectiveConfig, names: readonly (keyof EffectiveConfig)[], locale: Locale = 'en'): string[] {
  const rows = names.map((n) => effective[n]).filter((v) => v.value !== '' || v.shadows.length > 0);
  const nameWidth = Math.max(...rows.map((v) => v.name.length), 4);
  const valueWidth = Math.min(60, Math.max(...rows.map((v) => display(v.value).length), 5));
  return rows.map((v) => `  ${v.name.padEnd(nameWidth)}  ${display(v.value).padEnd(valueWidth)}  ${describeSource(v, locale)}`);
}

/** One warning per variable whose value hides a different value set somewhere else. */
export function shadowWarnings(effective: EffectiveConfig, locale: Locale = 'en'): string[] {
  const out: string[] = [];
  for (const v of Object.values(effective)) {
    for (const s of v.shadows) {
      if (s.value === v.value) continue;
      const source = describeSource(v, locale);
      out.push(render(locale, msg('ops.env.shadows', { variable: v.name, source, value: display(s.value), where: sourceWords(s.source, s.path) })));
    }
  }
  return out;
}

export function describeGo(snapshot: GoConfigSnapshot, locale: Locale = 'en'): string {
  if (snapshot.go) return render(locale, msg('ops.env.go-found', { version: snapshot.go.version, binary: snapshot.go.binary }));
  return render(locale, snapshot.goError ? msg('ops.env.go-unusable', { error: snapshot.goError }) : msg('ops.env.go-missing'));
}

function display(value: string): string {
  return value === '' ? '""' : JSON.stringify(redactCredentials(value)).slice(1, -1);
}
