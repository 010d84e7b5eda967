// A probe failure in the user's words: the failure kind the probe engine reports (shared/bench's
// FailureKind) with its HTTP status; the engine's English sentence only for a kind the catalogue
// does not know yet.
import type { ProbeFailureId } from '../../shared/ui/health.js';
import { isMessageKey, type Translate } from './i18n.js';

export function failureText(t: Translate, failure: ProbeFailureId | null | undefined, fallback: string | null): string {
  const key = failure ? `failure.${failure.kind}` : '';
  if (!failure || !isMessageKey(key)) return fallback ?? '';
  const words = t(key);
  return failure.status !== null ? t('failure.status', { words, status: failure.status }) : words;
}
