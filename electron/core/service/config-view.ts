// Turns the goenv engine's snapshot into the state's GoConfigView: plain JSON, parsed chain,
// and no credentials (URLs in any value are redacted the way go's Redacted() does).
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { ChainEntryView, ConfigVarView, GoConfigView } from '../../../shared/contract/state.js';
import type { GoConfigSnapshot } from '../goenv/read-config.js';

export function toGoConfigView(snapshot: GoConfigSnapshot, readAt: number): GoConfigView {
  const vars: ConfigVarView[] = Object.values(snapshot.effective).map((v) => ({
    name: v.name,
    value: redactCredentials(v.value),
    source: v.source,
    path: v.path ?? null,
    shadows: v.shadows.map((s) => ({ source: s.source, value: redactCredentials(s.value), path: s.path ?? null })),
  }));
  const parsed = parseGoproxy(snapshot.effective.GOPROXY.value);
  const chain: ChainEntryView[] = parsed.ok
    ? parsed.value.entries.map((e) =>
        e.kind === 'proxy' ? { kind: 'proxy', url: redactCredentials(e.url), fallBackOnError: e.fallBackOnError } : { kind: e.kind, fallBackOnError: e.fallBackOnError },
      )
    : [];
  return {
    readAt,
    go: snapshot.go ? { binary: snapshot.go.binary, version: snapshot.go.version, goroot: snapshot.go.goroot } : null,
    goError: snapshot.goError === null ? null : redactCredentials(snapshot.goError),
    envFilePath: snapshot.envFilePath,
    vars,
    chain,
    chainError: parsed.ok ? null : redactCredentials(parsed.error),
    chainWarnings: parsed.ok ? parsed.value.warnings.map((w) => redactCredentials(w.message)) : [],
  };
}

/** The GOPROXY value a view shows (already redacted), for change notices. */
export function goproxyOf(view: GoConfigView | null): string | null {
  return view?.vars.find((v) => v.name === 'GOPROXY')?.value ?? null;
}
