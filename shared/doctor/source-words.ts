// Where a Go variable's value comes from (shared/go/effective.ts's sources), in words: the
// doctor's evidence and `goproxyctl env` name it the same way, in the user's language.
import type { EffectiveVar } from '../go/effective.js';
import { msg, type Message } from '../i18n/message.js';

const SOURCES: readonly EffectiveVar['source'][] = ['os-env', 'env-file', 'goroot-env', 'default', 'derived'];

/** The source in words, with the file it was read from when there is one; an unknown source stays as written. */
export function sourceWords(source: string, path?: string | null): Message | string {
  const known = (SOURCES as readonly string[]).includes(source);
  const words: Message | string = known ? msg(`ops.source.${source as EffectiveVar['source']}`) : source;
  return path ? msg('ops.source.with-path', { source: words, path }) : words;
}
