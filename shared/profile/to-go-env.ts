// A profile as the Go variables to write: a string sets the variable, null unsets it (so go falls
// back to its default or, for GONOPROXY/GONOSUMDB, to GOPRIVATE). A variable the profile does not
// manage (GOFLAGS when omitted) is absent from the result and left alone.
import type { Profile } from './types.js';

/** The chain go (or the relay) walks: the profile's entries, without the relay in front. */
export function profileGoproxy(profile: Profile): string {
  return profile.goproxy.map((e, i) => (i < profile.goproxy.length - 1 ? e.url + (e.separator ?? ',') : e.url)).join('');
}

/** The GOPROXY value that sends go through a relay on `port` first, then `chain` itself. */
export function chainThroughRelay(chain: string, port: number): string {
  return `http://127.0.0.1:${port}|${chain}`;
}

/** The port of the local relay the profile goes through, or null. */
export function profileRelayPort(profile: Profile): number | null {
  return profile.relay ? profile.relay.port : null;
}

/**
 * The GOPROXY `use` writes. With the relay option, the relay comes first and '|' follows it: a
 * relay that is not running is one refused connection, and go (on any error after a '|') goes on
 * to the chain (cmd/go/internal/modfetch/proxy.go, proxyList and TryProxies).
 */
export function profileWrittenGoproxy(profile: Profile): string {
  const port = profileRelayPort(profile);
  return port === null ? profileGoproxy(profile) : chainThroughRelay(profileGoproxy(profile), port);
}

export function profileToGoEnv(profile: Profile): Record<string, string | null> {
  const orNull = (v: string | null): string | null => (v === null || v === '' ? null : v);
  const vars: Record<string, string | null> = {
    GOPROXY: profileWrittenGoproxy(profile),
    GOSUMDB: orNull(profile.gosumdb),
    GOPRIVATE: orNull(profile.goprivate),
    GONOPROXY: orNull(profile.gonoproxy),
    GONOSUMDB: orNull(profile.gonosumdb),
    GOINSECURE: orNull(profile.goinsecure),
  };
  if (profile.goflags !== undefined) vars.GOFLAGS = orNull(profile.goflags);
  return vars;
}

/**
 * The variables for another machine (a Dockerfile, CI, a snippet pasted elsewhere): the same, but
 * GOPROXY without the local relay, which runs only where goproxyctl does. There its loopback
 * address is the container or runner itself: a refused connection on every request at best.
 */
export function profileToPortableGoEnv(profile: Profile): Record<string, string | null> {
  return { ...profileToGoEnv(profile), GOPROXY: profileGoproxy(profile) };
}
