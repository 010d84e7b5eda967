// Checks a variable before it is written to the go env file. `go env -w` checks names and a few
// values (checkEnvWrite in cmd/go/internal/envcmd), but accepts nonsense such as GOPROXY=bogus or
// a malformed GOSUMDB, which then breaks every later download. We check names and values as go
// would use them, with go's own messages where go has one, before anything is written.
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { parseGosumdb } from '../../../shared/go/gosumdb.js';

// cmd/go's internal/cfg.KnownEnv (go 1.23) plus the variables added by go 1.24.
const KNOWN = new Set(
  (
    'AR CC CGO_CFLAGS CGO_CFLAGS_ALLOW CGO_CFLAGS_DISALLOW CGO_CPPFLAGS CGO_CPPFLAGS_ALLOW CGO_CPPFLAGS_DISALLOW ' +
    'CGO_CXXFLAGS CGO_CXXFLAGS_ALLOW CGO_CXXFLAGS_DISALLOW CGO_ENABLED CGO_FFLAGS CGO_FFLAGS_ALLOW CGO_FFLAGS_DISALLOW ' +
    'CGO_LDFLAGS CGO_LDFLAGS_ALLOW CGO_LDFLAGS_DISALLOW CXX FC GCCGO GO111MODULE GO386 GOAMD64 GOARCH GOARM GOARM64 ' +
    'GOAUTH GOBIN GOCACHE GOCACHEPROG GOENV GOEXE GOEXPERIMENT GOFIPS140 GOFLAGS GOGCCFLAGS GOHOSTARCH GOHOSTOS GOINSECURE ' +
    'GOMIPS GOMIPS64 GOMODCACHE GONOPROXY GONOSUMDB GOOS GOPATH GOPPC64 GOPRIVATE GOPROXY GORISCV64 GOROOT GOSUMDB ' +
    'GOTMPDIR GOTOOLCHAIN GOTOOLDIR GOVCS GOWASM GOWORK GO_EXTLINK_ENABLED PKG_CONFIG'
  ).split(' '),
);
const READ_ONLY = new Set(['GOEXE', 'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOMOD', 'GOWORK', 'GOTOOLDIR', 'GOVERSION']);

/** null when `name=value` may be written (value null: `go env -u name`), else one sentence. */
export function goEnvProblem(name: string, value: string | null): string | null {
  if (READ_ONLY.has(name)) return `${name} cannot be modified`;
  if (name === 'GOENV' || name === 'GODEBUG') return `${name} can only be set using the OS environment`;
  if (!KNOWN.has(name)) return `unknown go command variable ${name}`;
  if (value === null) return null;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return `invalid UTF-8 in ${name}=... value`;
  if (value.includes('\0')) return `invalid NUL in ${name}=... value`;
  if (/[\v\r\n]/.test(value)) return `invalid newline in ${name}=... value`;
  switch (name) {
    case 'GOPROXY': {
      if (value === '') return null; // empty: go falls back to its default
      const parsed = parseGoproxy(value);
      if (!parsed.ok) return `invalid GOPROXY ${JSON.stringify(value)}: ${parsed.error}`;
      if (parsed.value.entries.some((e) => e.kind === 'proxy' && e.hasCredentials)) {
        return 'GOPROXY must not contain credentials (they would be stored in plain text); store them with `goproxyctl auth set` instead';
      }
      return null;
    }
    case 'GOSUMDB': {
      if (value === '') return null;
      const parsed = parseGosumdb(value);
      return parsed.ok ? null : `invalid GOSUMDB ${JSON.stringify(value)}: ${parsed.error}`;
    }
    case 'GO111MODULE':
      return ['', 'auto', 'on', 'off'].includes(value) ? null : `invalid GO111MODULE value ${JSON.stringify(value)}`;
    case 'GOPATH':
    case 'GOMODCACHE':
      if (value.startsWith('~')) return `${name} entry cannot start with shell metacharacter '~': ${JSON.stringify(value)}`;
      return value === '' || isAbsoluteAnywhere(value) ? null : `${name} entry is relative; must be absolute path: ${JSON.stringify(value)}`;
    default:
      return null;
  }
}

/** Every problem in a set of variables, as "NAME: problem" sentences. */
export function goEnvProblems(vars: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(vars).flatMap(([name, value]) => {
    const problem = goEnvProblem(name, value);
    return problem ? [problem] : [];
  });
}

function isAbsoluteAnywhere(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
