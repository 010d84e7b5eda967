// A profile as the Go variables to write: a string sets the variable, null unsets it (so go falls
// back to its default or, for GONOPROXY/GONOSUMDB, to GOPRIVATE). A variable the profile does not
// manage (GOFLAGS when omitted) is absent from the result and left alone.
import type { Profile } from './types.js';

export function profileGoproxy(profile: Profile): string {
  return profile.goproxy.map((e, i) => (i < profile.goproxy.length - 1 ? e.url + (e.separator ?? ',') : e.url)).join('');
}

export function profileToGoEnv(profile: Profile): Record<string, string | null> {
  const orNull = (v: string | null): string | null => (v === null || v === '' ? null : v);
  const vars: Record<string, string | null> = {
    GOPROXY: profileGoproxy(profile),
    GOSUMDB: orNull(profile.gosumdb),
    GOPRIVATE: orNull(profile.goprivate),
    GONOPROXY: orNull(profile.gonoproxy),
    GONOSUMDB: orNull(profile.gonosumdb),
    GOINSECURE: orNull(profile.goinsecure),
  };
  if (profile.goflags !== undefined) vars.GOFLAGS = orNull(profile.goflags);
  return vars;
}
