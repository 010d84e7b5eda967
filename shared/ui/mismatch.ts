// Why a switched profile is not what go sees, as a message id with its facts (the UI words it in
// the user's language). The cases follow electron/core/use/verify-apply.ts's explanations.
import type { MismatchView } from '../contract/state.js';
import { msg, type Message } from '../i18n/message.js';

export type MismatchMessage = 'current' | 'bashLine' | 'bashFile' | 'cleanEnv' | 'envFile' | 'gorootEnv' | 'other';

export function mismatchMessage(m: MismatchView): MismatchMessage {
  if (m.source === 'os-env') {
    if (m.context === 'current') return 'current';
    if (m.context === 'bash' || m.context === 'zsh' || m.context === 'fish') return m.path !== null && m.line !== null ? 'bashLine' : m.path !== null ? 'bashFile' : 'cleanEnv';
    return 'cleanEnv';
  }
  if (m.source === 'env-file') return 'envFile';
  if (m.source === 'goroot-env') return 'gorootEnv';
  return 'other';
}

const VERDICT_ID = {
  current: 'apply.verdict.current',
  bashLine: 'apply.verdict.terminal-line',
  bashFile: 'apply.verdict.terminal-file',
  cleanEnv: 'apply.verdict.clean-env',
  envFile: 'apply.verdict.env-file',
  gorootEnv: 'apply.verdict.goroot-env',
  other: 'apply.verdict.other',
} as const satisfies Record<MismatchMessage, string>;

/** The verdict on one difference as a message of the catalogue (shared/i18n/parts/apply.ts), with its facts. */
export function mismatchVerdict(m: MismatchView): Message {
  return msg(VERDICT_ID[mismatchMessage(m)], {
    variable: m.variable,
    actual: m.actual === '' ? msg('apply.verdict.empty') : m.actual,
    path: m.path ?? '',
    line: m.line ?? '',
    shell: m.context,
  });
}
