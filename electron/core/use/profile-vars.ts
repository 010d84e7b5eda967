// A profile as the variables an apply writes: profileToGoEnv, plus GOAUTH when the profile has
// credentials and go can use a helper (1.24+). Pure.
import { applyBlockers, profileToGoEnv, type Profile } from '../../../shared/profile/index.js';
import { joinedProblems } from '../../../shared/profile/validate.js';
import { UseInputError } from './errors.js';
import { goAtLeast } from '../../../shared/go/version.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export interface ProfileVars {
  vars: Record<string, string | null>;
  /** Things the user should know that do not block the apply. */
  notes: Message[];
}

/**
 * `helperArgv` is how go should run this goproxyctl (e.g. ["/usr/bin/node", "/opt/goproxyctl/bin/goproxyctl.js"]);
 * go splits a GOAUTH command on spaces, so a path with a space cannot be used there.
 */
export function profileVars(profile: Profile, goVersion: string | null, helperArgv: readonly string[]): ProfileVars {
  const blockers = applyBlockers(profile);
  if (blockers.length > 0) {
    throw new UseInputError(msg('apply.use.template', { id: profile.id, blockers: joinedProblems(blockers) }));
  }
  const vars = profileToGoEnv(profile);
  const notes: Message[] = [];
  if (profile.credentials.length > 0) {
    if (goVersion !== null && goAtLeast(goVersion, 1, 24)) {
      if (helperArgv.length === 0) {
        notes.push(msg('apply.note.goauth-appimage'));
      } else if (helperArgv.some((part) => part === '' || /\s/.test(part))) {
        notes.push(msg('apply.note.goauth-space', { command: helperArgv.join(' ') }));
      } else {
        // netrc first keeps go's default behaviour for other hosts; the helper adds the keychain's credentials.
        vars.GOAUTH = `netrc;command ${helperArgv.join(' ')} auth helper`;
      }
    } else {
      notes.push(goVersion === null ? msg('apply.note.no-goauth-no-go') : msg('apply.note.no-goauth', { version: goVersion }));
    }
  }
  return { vars, notes };
}
