// Variables go reads (`go help environment`, go 1.19–1.24, plus the runtime's), and look-alikes
// of the proxy settings that go silently ignores (GONOSUMCHECK, GO_PROXY, GOPRIVATES...).
// Only one edit away (or a known mistake): GOTAGS, GOFILES and GOLDFLAGS are build-script
// variables two edits from GOFLAGS, not typos.

const KNOWN = new Set([
  'GCCGO', 'GO111MODULE', 'GOARCH', 'GOAUTH', 'GOBIN', 'GOCACHE', 'GOCACHEPROG', 'GODEBUG', 'GOENV', 'GOFLAGS',
  'GOINSECURE', 'GOMODCACHE', 'GONOPROXY', 'GONOSUMDB', 'GOOS', 'GOPATH', 'GOPRIVATE', 'GOPROXY', 'GOROOT',
  'GOSUMDB', 'GOTMPDIR', 'GOTOOLCHAIN', 'GOVCS', 'GOWORK', 'GOTELEMETRY', 'GOTELEMETRYDIR', 'GOEXPERIMENT',
  'GOFIPS140', 'GO386', 'GOAMD64', 'GOARM', 'GOARM64', 'GOMIPS', 'GOMIPS64', 'GOPPC64', 'GORISCV64', 'GOWASM',
  'GCCGOTOOLDIR', 'GOEXE', 'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOTOOLDIR', 'GOVERSION', 'GOMOD',
  'GOCOVERDIR', 'GOROOT_FINAL', 'GO_EXTLINK_ENABLED', 'GOGC', 'GOMAXPROCS', 'GOMEMLIMIT', 'GOTRACEBACK',
  'GORACE', 'GOEXPSTRING', 'GOLANG_VERSION', 'GO_VERSION', 'GOLANG_PROTOBUF_REGISTRATION_CONFLICT', 'GOFIPS',
]);

/** The settings a misspelling of which silently changes where modules come from. */
const PROXY_SETTINGS = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GO111MODULE', 'GOAUTH', 'GOTOOLCHAIN'];

/** Names seen in real files that go never read, with what was meant. */
const MEANT: Readonly<Record<string, string>> = {
  GONOSUMCHECK: 'GONOSUMDB',
  GONOSUMCHECKDB: 'GONOSUMDB',
  GOSUMCHECK: 'GOSUMDB',
  GONOCHECKSUM: 'GONOSUMDB',
};

/** null: go reads it, or it is not a look-alike of a proxy setting; otherwise what was meant. */
export function unknownGoVariable(name: string): string | null {
  if (KNOWN.has(name)) return null;
  const meant = MEANT[name];
  if (meant) return meant;
  const squeezed = name.replace(/_/g, '');
  for (const v of PROXY_SETTINGS) {
    if (squeezed === v || editDistance(name, v) <= 1) return v;
  }
  return null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}
