// Why a switched profile is not what go sees, as a message id with its facts (the UI words it in
// the user's language). The cases follow electron/core/use/verify-apply.ts's explanations.
import type { MismatchView } from '../contract/state.js';

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
