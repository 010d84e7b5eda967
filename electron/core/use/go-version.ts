// "go1.24.1" / "go1.24rc1" / "devel go1.25-abc" → [major, minor], or null. Pure.
export function goMinorVersion(version: string | null | undefined): [number, number] | null {
  const m = /go(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** True when `version` is at least major.minor; an unknown version counts as current (true). */
export function goAtLeast(version: string | null | undefined, major: number, minor: number): boolean {
  const v = goMinorVersion(version);
  if (!v) return true;
  return v[0] > major || (v[0] === major && v[1] >= minor);
}
