// The built-in catalog of public Go module proxies and checksum databases (go-semantics.md §8).
// Data first: mirrors rot, so updating the list means editing one row here. Defunct entries stay
// listed (so the UI can say why an old tutorial's URL no longer works) but are never probed.
import { normalizeProxyUrl, parseGoproxy } from '../go/goproxy.js';
import type { CandidateKind } from './types.js';

export interface CatalogEntry {
  /** Normalized base URL (no trailing slash). */
  url: string;
  kind: Extract<CandidateKind, 'proxy' | 'sumdb'>;
  operator: string;
  note: string;
  /** Listed for reference, never probed. */
  defunct?: true;
  defunctReason?: string;
}

export const PUBLIC_CATALOG: readonly CatalogEntry[] = [
  { url: 'https://proxy.golang.org', kind: 'proxy', operator: 'Google', note: 'go’s default; often unreachable from mainland China' },
  { url: 'https://goproxy.cn', kind: 'proxy', operator: 'Qiniu', note: 'serves the checksum database at /sumdb/sum.golang.org' },
  { url: 'https://goproxy.io', kind: 'proxy', operator: 'goproxy.io', note: '' },
  { url: 'https://mirrors.aliyun.com/goproxy', kind: 'proxy', operator: 'Alibaba Cloud', note: '' },
  { url: 'https://mirrors.cloud.tencent.com/go', kind: 'proxy', operator: 'Tencent', note: '' },
  {
    url: 'https://repo.huaweicloud.com/repository/goproxy',
    kind: 'proxy',
    operator: 'Huawei',
    note: 'has returned auth errors and a broken checksum database in the past',
  },
  {
    url: 'https://gocenter.io',
    kind: 'proxy',
    operator: 'JFrog',
    note: '',
    defunct: true,
    defunctReason: 'JFrog shut GoCenter down in 2021',
  },
  {
    url: 'https://athens.azurefd.net',
    kind: 'proxy',
    operator: 'Microsoft-hosted Athens',
    note: '',
    defunct: true,
    defunctReason: 'the public Athens instance is no longer operated',
  },
  { url: 'https://sum.golang.org', kind: 'sumdb', operator: 'Google', note: 'the public checksum database' },
  { url: 'https://sum.golang.google.cn', kind: 'sumdb', operator: 'Google', note: 'the checksum database’s mainland-China mirror' },
];

/** A candidate of a benchmark: a proxy base URL, a checksum database URL, or 'direct'. */
export interface BenchCandidate {
  /** Normalized URL, or 'direct'. May carry userinfo only when the user typed it (--proxies). */
  url: string;
  kind: CandidateKind;
}

/** The catalog entries a benchmark probes (defunct ones are skipped). */
export function probedCatalog(catalog: readonly CatalogEntry[] = PUBLIC_CATALOG): CatalogEntry[] {
  return catalog.filter((e) => !e.defunct);
}

/** The catalog's checksum databases, probed by every benchmark for the GOSUMDB advice. */
export function catalogSumdbs(catalog: readonly CatalogEntry[] = PUBLIC_CATALOG): BenchCandidate[] {
  return probedCatalog(catalog)
    .filter((e) => e.kind === 'sumdb')
    .map((e) => ({ url: e.url, kind: e.kind }));
}

/**
 * The key two spellings of one proxy share: go's normalization (no credentials, no trailing
 * slash), with the scheme and host lowercased because DNS names are case-insensitive.
 */
export function candidateKey(c: BenchCandidate): string {
  if (c.kind === 'direct') return 'direct';
  const url = normalizeProxyUrl(c.url).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, (origin) => origin.toLowerCase());
  return `${c.kind} ${url}`;
}

/** Keeps the first of every candidate that normalizes to the same URL and kind. */
export function dedupeCandidates(list: readonly BenchCandidate[]): BenchCandidate[] {
  const seen = new Set<string>();
  const out: BenchCandidate[] = [];
  for (const c of list) {
    const key = candidateKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/**
 * The candidates of a benchmark without an explicit list: the catalog (non-defunct proxies and
 * checksum databases) plus every entry of the user's GOPROXY ('direct' included, 'off' not),
 * deduplicated by normalized URL. An unparsable GOPROXY adds nothing: the catalog still runs.
 */
export function defaultCandidates(currentGoproxy: string, catalog: readonly CatalogEntry[] = PUBLIC_CATALOG): BenchCandidate[] {
  const fromCatalog = probedCatalog(catalog).map((e): BenchCandidate => ({ url: e.url, kind: e.kind }));
  const parsed = parseGoproxy(currentGoproxy.trim());
  const fromChain: BenchCandidate[] = [];
  if (parsed.ok) {
    for (const entry of parsed.value.entries) {
      if (entry.kind === 'proxy') fromChain.push({ url: entry.hasCredentials ? entry.raw : entry.url, kind: 'proxy' });
      else if (entry.kind === 'direct') fromChain.push({ url: 'direct', kind: 'direct' });
    }
  }
  return dedupeCandidates([...fromCatalog, ...fromChain]);
}

