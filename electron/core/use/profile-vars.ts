// A profile as the variables an apply writes: profileToGoEnv, plus GOAUTH when the profile has
// credentials and go can use a helper (1.24+). Pure.
import { applyBlockers, profileToGoEnv, type Profile } from '../../../shared/profile/index.js';
import { UseInputError } from './errors.js';
import { goAtLeast } from '../../../shared/go/version.js';

export interface ProfileVars {
  vars: Record<string, string | null>;
  /** Things the user should know that do not block the apply. */
  notes: string[];
}

/**
 * `helperArgv` is how go should run this goproxyctl (e.g. ["/usr/bin/node", "/opt/goproxyctl/bin/goproxyctl.js"]);
 * go splits a GOAUTH command on spaces, so a path with a space cannot be used there.
 */
export function profileVars(profile: Profile, goVersion: string | null, helperArgv: readonly string[]): ProfileVars {
  const blockers = applyBlockers(profile);
  if (blockers.length > 0) {
    throw new UseInputError(`profile "${profile.id}" is a template: ${blockers.join('; ')} (copy it with \`goproxyctl profiles duplicate ${profile.id} my-${profile.id}\` and edit the copy)`);
  }
  const vars = profileToGoEnv(profile);
  const notes: string[] = [];
  if (profile.credentials.length > 0) {
    if (goVersion !== null && goAtLeast(goVersion, 1, 24)) {
      if (helperArgv.length === 0) {
        notes.push('GOAUTH was not set because go has no command to run goproxyctl with here (the app runs from an AppImage, whose files move on every start): install the .deb package, whose command-line tool go can run');
      } else if (helperArgv.some((part) => part === '' || /\s/.test(part))) {
        notes.push(`GOAUTH was not set because the path of goproxyctl contains a space ("${helperArgv.join(' ')}"), which go cannot run; install goproxyctl in a path without spaces`);
      } else {
        // netrc first keeps go's default behaviour for other hosts; the helper adds the keychain's credentials.
        vars.GOAUTH = `netrc;command ${helperArgv.join(' ')} auth helper`;
      }
    } else {
      notes.push(
        `this profile uses stored credentials, but ${goVersion ?? 'go (not found)'} has no GOAUTH: run \`goproxyctl auth netrc --enable\` to give them to go through ~/.netrc`,
      );
    }
  }
  return { vars, notes };
}
