// explain's checksum step: whether go verifies the module against a checksum database, through
// which route, and whether that succeeds, as cmd/go/internal/modfetch does it:
//   - useSumDB (modfetch/sumdb.go): GOSUMDB=off or a GONOSUMDB match (GONOSUMDB defaults to
//     GOPRIVATE) means no verification. GOINSECURE does not turn it off (it only allows insecure
//     version-control fetches, modfetch/repo.go), and GOFLAGS=-insecure has no effect: the flag
//     is gone (go 1.19 rejects `go get -insecure`, other commands ignore it in GOFLAGS).
//   - dbDial: GOSUMDB is "<name>" (a known key), "<name>+<hash>+<key>", either followed by a URL.
//   - initBase: the route (electron/core/sumdb/route.ts), then the lookup and its tile.
//   - checkGoMod / checkMod (modfetch/fetch.go): the go.mod hash, then the zip hash, must equal the
//     logged lines, else "checksum mismatch ... SECURITY ERROR". A module the database never
//     logged lines for is accepted.
// Errors are worded as go words them ("<mod>@<ver>: verifying go.mod: <mod>@<ver>/go.mod: ...").
import { parseGosumdb } from '../../../shared/go/gosumdb.js';
import { matchPrefixPatterns } from '../../../shared/go/match.js';
import { hashGoMod, hashZip } from '../sumdb/dirhash.js';
import { lookupAndProve, resolveSumdbRoute, type RouteStep, type SumdbFetch } from '../sumdb/route.js';
import { loggedHash } from '../sumdb/verify.js';
import type { GoSum } from './go-sum.js';

export interface ChecksumConfig {
  gosumdb: string;
  /** Effective: GOPRIVATE when GONOSUMDB is unset. */
  gonosumdb: string;
  goinsecure: string;
  goflags: string;
  /** The main module's go.sum (go checks it before any database), or null outside a module. */
  goSum?: GoSum | null;
}

export interface ChecksumRequest {
  module: string;
  version: string;
  config: ChecksumConfig;
  chain: { goproxy: string; gonoproxy: string };
  fetch: SumdbFetch;
  /**
   * The served go.mod and zip bodies (from the entry that served each), or null when explain
   * cannot fetch them (a direct fetch clones a repository; a zip over the size cap).
   */
  files: () => Promise<{ mod: Buffer | null; zip: Buffer | null }>;
  lang?: 'en' | 'zh-CN';
}

export interface ChecksumExplanation {
  /** verified: go checks and it passes; skipped: go does not check; failed: go stops with `error`; hang: go waits forever. */
  verdict: 'verified' | 'skipped' | 'failed' | 'hang';
  database: string | null;
  /** Where go sends lookups (a URL), when it gets that far. */
  route: string | null;
  /** 'go.sum': the hashes were already listed there and no database was asked. */
  via: 'explicit' | 'proxy' | 'direct' | 'go.sum' | null;
  routeSteps: RouteStep[];
  lookup: string | null;
  tile: string | null;
  why: string;
  notes: string[];
  error: string | null;
  fix: string | null;
}

interface Texts {
  inGoSum(file: string): string;
  fixGoSum(file: string): string;
  off(): string;
  private(pattern: string): string;
  verified(name: string, via: string): string;
  viaExplicit(url: string): string;
  viaProxy(proxy: string): string;
  viaDirect(url: string): string;
  directNotCompared(): string;
  zipNotCompared(): string;
  insecureNote(): string;
  goflagsNote(): string;
  fixInvalid(): string;
  fixRouteProxy(proxy: string, name: string): string;
  fixRouteDirect(name: string): string;
  hang(url: string): string;
  fixHang(entry: string, name: string): string;
  fixNotLogged(module: string): string;
  fixSecurity(): string;
  safeChoices(): string;
}

const EN: Texts = {
  inGoSum: (f) => `${f} already lists both hashes: go checks them there and asks no checksum database.`,
  fixGoSum: (f) => `the served bytes differ from the hash in ${f}: do not edit go.sum to make this pass; find out which proxy changed the module`,
  off: () => 'GOSUMDB=off: go does not verify checksums, so nothing proves the code is what its author published.',
  private: (p) => `The module matches GONOSUMDB/GOPRIVATE (${p}): go does not ask the checksum database for it.`,
  verified: (n, via) => `go verifies the module against ${n} ${via}: the lookup and its tile check out and the hashes match.`,
  viaExplicit: (u) => `at the URL in GOSUMDB (${u}), bypassing GOPROXY`,
  viaProxy: (p) => `through ${p}, the first GOPROXY entry that answered /sumdb/<name>/supported`,
  viaDirect: (u) => `directly at ${u}`,
  directNotCompared: () => 'The module comes from its repository (direct): explain checked the lookup but cannot hash a clone.',
  zipNotCompared: () => 'The zip is larger than explain reads, so only the go.mod hash was compared.',
  insecureNote: () => 'GOINSECURE does not turn checksum verification off; only GONOSUMDB/GOPRIVATE (or GOSUMDB=off) do.',
  goflagsNote: () => 'GOFLAGS=-insecure has no effect here: the flag was removed; use GOINSECURE for insecure fetches and GONOSUMDB for private modules.',
  fixInvalid: () => 'fix GOSUMDB: "<name>", "<name>+<hash>+<key>", optionally followed by a URL',
  fixRouteProxy: (p, n) =>
    `${p} answers /sumdb/${n}/supported but its lookups fail, and go never falls back from it: put a proxy whose lookups work first, or name a working route with GOSUMDB="${n} <url>" (run goproxyctl bench to find one)`,
  fixRouteDirect: (n) => `go cannot reach ${n}: put a proxy that serves /sumdb/${n} in GOPROXY, or set GOSUMDB="${n} <url>" to a route that works (run goproxyctl bench to find one)`,
  fixNotLogged: (m) => `the checksum database has no record of ${m} (a private module?): add its path to GONOSUMDB or GOPRIVATE`,
  hang: (u) => `${u} accepted the request and never answered: go has no response timeout, so it waits forever here.`,
  fixHang: (e, n) => `remove ${e} from GOPROXY (or move it after a proxy that serves /sumdb/${n}), or name a working route with GOSUMDB="${n} <url>"`,
  fixSecurity: () => 'the served bytes differ from what the checksum database logged: do not work around this; fetch the module from another proxy and report the one that served it',
  safeChoices: () => 'Never make GOSUMDB=off a default: list private paths in GONOSUMDB instead.',
};

const ZH: Texts = {
  inGoSum: (f) => `${f} 已记录两个哈希：go 在那里校验，不查询校验和数据库。`,
  fixGoSum: (f) => `下载内容与 ${f} 中的哈希不一致：不要为了通过而修改 go.sum；查明是哪个代理改变了该模块`,
  off: () => 'GOSUMDB=off：go 不校验校验和，无法证明代码与作者发布的一致。',
  private: (p) => `该模块匹配 GONOSUMDB/GOPRIVATE（${p}）：go 不会向校验和数据库查询它。`,
  verified: (n, via) => `go ${via}通过 ${n} 校验该模块：查询结果及其 tile 均通过验证，哈希一致。`,
  viaExplicit: (u) => `使用 GOSUMDB 中的 URL（${u}，绕过 GOPROXY）`,
  viaProxy: (p) => `经由 ${p}（GOPROXY 中第一个对 /sumdb/<name>/supported 返回 200 的条目）`,
  viaDirect: (u) => `直接连接 ${u} `,
  directNotCompared: () => '该模块直接从代码仓库获取（direct）：explain 检查了查询，但无法对克隆结果计算哈希。',
  zipNotCompared: () => 'zip 超过 explain 读取的上限，只比较了 go.mod 的哈希。',
  insecureNote: () => 'GOINSECURE 不会关闭校验和校验；只有 GONOSUMDB/GOPRIVATE（或 GOSUMDB=off）会。',
  goflagsNote: () => 'GOFLAGS=-insecure 在这里无效：该标志已被移除；不安全的获取请用 GOINSECURE，私有模块请用 GONOSUMDB。',
  fixInvalid: () => '修正 GOSUMDB："<name>" 或 "<name>+<hash>+<key>"，后面可跟一个 URL',
  fixRouteProxy: (p, n) =>
    `${p} 对 /sumdb/${n}/supported 返回 200，但查询失败，且 go 不会从它回退：把查询可用的代理放在前面，或用 GOSUMDB="${n} <url>" 指定可用的途径（运行 goproxyctl bench 查找）`,
  fixRouteDirect: (n) => `go 无法连接 ${n}：在 GOPROXY 中加入提供 /sumdb/${n} 的代理，或将 GOSUMDB 设为 "${n} <url>" 指向可用的途径（运行 goproxyctl bench 查找）`,
  fixNotLogged: (m) => `校验和数据库没有 ${m} 的记录（私有模块？）：把它的路径加入 GONOSUMDB 或 GOPRIVATE`,
  hang: (u) => `${u} 接受了请求但一直不回应：go 没有响应超时，会在这里一直等待。`,
  fixHang: (e, n) => `从 GOPROXY 中删除 ${e}（或把它移到提供 /sumdb/${n} 的代理之后），或用 GOSUMDB="${n} <url>" 指定可用的途径`,
  fixSecurity: () => '下载内容与校验和数据库记录的不一致：不要绕过；从其他代理获取该模块，并报告提供它的代理',
  safeChoices: () => '不要把 GOSUMDB=off 作为默认设置：把私有路径列入 GONOSUMDB。',
};

const GOSUM_MISMATCH = `

SECURITY ERROR
This download does NOT match an earlier download recorded in go.sum.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

const SUMDB_MISMATCH = `

SECURITY ERROR
This download does NOT match the one reported by the checksum server.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

/** The first GONOSUMDB/GOPRIVATE pattern matching the module (for the message), or null. */
function matchingPattern(globs: string, module: string): string | null {
  if (!matchPrefixPatterns(globs, module)) return null;
  return globs.split(',').map((g) => g.trim()).find((g) => g !== '' && matchPrefixPatterns(g, module)) ?? globs;
}

function insecureFlag(goflags: string): boolean {
  return goflags.split(/\s+/).some((f) => /^--?insecure(=.*)?$/.test(f));
}

export async function explainChecksum(req: ChecksumRequest): Promise<ChecksumExplanation> {
  const t = req.lang === 'zh-CN' ? ZH : EN;
  const notes: string[] = [];
  if (req.config.goinsecure.trim() !== '' && matchPrefixPatterns(req.config.goinsecure, req.module)) notes.push(t.insecureNote());
  if (insecureFlag(req.config.goflags)) notes.push(t.goflagsNote());
  const base = { route: null, via: null, routeSteps: [], lookup: null, tile: null, notes };
  const { module, version } = req;
  const goSum = req.config.goSum ?? null;
  // checkModSum: go.sum first, whatever GOSUMDB says; a listed pair needs no database.
  let files: { mod: Buffer | null; zip: Buffer | null } | null = null;
  const served = async (): Promise<{ mod: Buffer | null; zip: Buffer | null }> => (files ??= await req.files());
  if (goSum) {
    const modListed = goSum.hashes.get(`${module} ${version}/go.mod`) ?? [];
    const zipListed = goSum.hashes.get(`${module} ${version}`) ?? [];
    if (modListed.length > 0 || zipListed.length > 0) {
      const f = await served();
      const check = (listed: string[], data: Buffer | null, hash: (b: Buffer) => string, suffix: string): ChecksumExplanation | null => {
        if (listed.length === 0 || data === null) return null;
        let have: string;
        try {
          have = hash(data);
        } catch {
          return null;
        }
        if (listed.includes(have) || !listed.some((h) => h.startsWith('h1:'))) return null;
        return {
          ...base,
          verdict: 'failed',
          database: null,
          via: 'go.sum',
          why: `checksum mismatch (${goSum.path})`,
          error: `verifying ${module}@${version}${suffix}: checksum mismatch\n\tdownloaded: ${have}\n\tgo.sum:     ${listed.find((h) => h.startsWith('h1:'))}${GOSUM_MISMATCH}`,
          fix: t.fixGoSum(goSum.path),
        };
      };
      const bad = check(modListed, f.mod, hashGoMod, '/go.mod') ?? check(zipListed, f.zip, hashZip, '');
      if (bad) return bad;
      if (modListed.length > 0 && zipListed.length > 0) {
        return { ...base, verdict: 'verified', database: null, via: 'go.sum', why: t.inGoSum(goSum.path), error: null, fix: null };
      }
    }
  }
  if (req.config.gosumdb === 'off') return { ...base, verdict: 'skipped', database: null, why: t.off(), error: null, fix: null };
  const pattern = matchingPattern(req.config.gonosumdb, module);
  if (pattern !== null) return { ...base, verdict: 'skipped', database: null, why: t.private(pattern), error: null, fix: null };

  const modError = (detail: string): string => `${module}@${version}: verifying go.mod: ${detail}`;
  const parsed = parseGosumdb(req.config.gosumdb);
  if (!parsed.ok) return { ...base, verdict: 'failed', database: null, why: parsed.error, error: modError(parsed.error), fix: t.fixInvalid() };
  if (parsed.value.kind === 'off') return { ...base, verdict: 'skipped', database: null, why: t.off(), error: null, fix: null };
  const db = parsed.value;
  const verifierKey = db.verifierKey;

  const route = await resolveSumdbRoute({ name: db.name, url: db.url }, req.chain, req.fetch);
  const lookupError = (detail: string): string => modError(`${module}@${version}/go.mod: ${detail}`);
  if (!route.ok && route.hang) {
    const stalled = route.steps.at(-1)!.entry;
    const why = t.hang(`${stalled}/sumdb/${db.name}/supported`);
    return { ...base, routeSteps: route.steps, verdict: 'hang', database: db.name, why, error: lookupError(route.error), fix: t.fixHang(stalled, db.name) };
  }
  if (!route.ok) {
    return { ...base, routeSteps: route.steps, verdict: 'failed', database: db.name, why: route.error, error: lookupError(route.error), fix: `${t.fixRouteDirect(db.name)}. ${t.safeChoices()}` };
  }
  const where = { ...base, route: route.base, via: route.via, routeSteps: route.steps, database: db.name };
  const proxyEntry = route.via === 'proxy' ? route.steps.at(-1)!.entry : null;
  const routeFix = (): string => `${proxyEntry ? t.fixRouteProxy(proxyEntry, db.name) : t.fixRouteDirect(db.name)}. ${t.safeChoices()}`;

  const found = await lookupAndProve(route.base, module, version, verifierKey, req.fetch);
  if (!found.ok && found.hang) {
    return { ...where, lookup: found.url, verdict: 'hang', why: t.hang(found.url), error: lookupError(found.error), fix: routeFix() };
  }
  if (!found.ok) {
    const notLogged = /\b404\b|\b410\b/.test(found.error) && route.via !== 'proxy';
    return {
      ...where,
      lookup: found.url.includes('/lookup/') ? found.url : null,
      verdict: 'failed',
      why: found.error,
      error: lookupError(found.error),
      fix: notLogged ? t.fixNotLogged(module) : routeFix(),
    };
  }
  const viaText = route.via === 'explicit' ? t.viaExplicit(route.base) : route.via === 'proxy' ? t.viaProxy(proxyEntry!) : t.viaDirect(route.base);
  const proven = { ...where, lookup: found.lookupUrl, tile: found.tileUrl };

  const fetched = await served();
  const mismatch = (noun: 'go.mod' | 'module', have: string, logged: string): ChecksumExplanation => ({
    ...proven,
    verdict: 'failed',
    why: `checksum mismatch (${noun})`,
    error: `${module}@${version}: verifying ${noun}: checksum mismatch\n\tdownloaded: ${have}\n\t${db.name}: ${logged}${SUMDB_MISMATCH}`,
    fix: t.fixSecurity(),
  });
  if (fetched.mod === null) notes.push(t.directNotCompared());
  else {
    const logged = loggedHash(found.record, module, `${version}/go.mod`);
    const have = hashGoMod(fetched.mod);
    if (logged !== null && logged !== have) return mismatch('go.mod', have, logged);
  }
  if (fetched.mod !== null && fetched.zip === null) notes.push(t.zipNotCompared());
  if (fetched.zip !== null) {
    let have: string;
    try {
      have = hashZip(fetched.zip);
    } catch {
      have = '';
    }
    const logged = loggedHash(found.record, module, version);
    if (logged !== null && logged !== have) return mismatch('module', have || 'h1:?', logged);
  }
  return { ...proven, verdict: 'verified', why: t.verified(db.name, viaText), error: null, fix: null };
}
