// "go1.23.4" → {major, minor}; null for unknown or development versions.
export function goMinor(version: string | null): { major: number; minor: number } | null {
  const m = version === null ? null : /^go(\d+)\.(\d+)/.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** True when the version is known and older than 1.<minor>. */
export function goOlderThan(version: string | null, minor: number): boolean {
  const v = goMinor(version);
  return v !== null && v.major === 1 && v.minor < minor;
}
