// The one reading of a go toolchain's version string (`go env GOVERSION`, `runtime.Version()`):
//   "go1.23.4"                       release
//   "go1.24rc1"                      release candidate: already has 1.24's features
//   "devel go1.25-abc1234 Tue ..."   a development build of 1.25 (cmd/go prints this for a
//                                    toolchain built from a checkout; see go/version.Lang)
// Anything else (a distribution's custom string, no go at all) is unknown, and an unknown version
// counts as current everywhere: no advice is based on guessing it is old.

export interface GoVersion {
  major: number;
  minor: number;
}

/** {major, minor} of a go version string, or null when it is unknown. */
export function parseGoVersion(version: string | null | undefined): GoVersion | null {
  const m = /(?:^|\s)go(\d+)\.(\d+)/.exec(version ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** True when the version is at least major.minor; an unknown version counts as current (true). */
export function goAtLeast(version: string | null | undefined, major: number, minor: number): boolean {
  const v = parseGoVersion(version);
  if (!v) return true;
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** True when the version is known and older than 1.<minor>; an unknown version is not older. */
export function goOlderThan(version: string | null | undefined, minor: number): boolean {
  return !goAtLeast(version, 1, minor);
}
