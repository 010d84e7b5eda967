// One line per Go variable a profile writes, saying what it makes go do for the user's own
// patterns, in go's terms (cmd/go/internal/cfg: GONOPROXY and GONOSUMDB default to GOPRIVATE when
// unset or empty; modfetch/proxy.go: "," falls through on 404/410 only, "|" on any error; GOINSECURE
// relaxes transport security only and never checksum verification). Pure.
import { parseGoproxy, type ChainEntry } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';

export type ExplainLang = 'en' | 'zh-CN';

interface Texts {
  proxyFirst(url: string): string;
  proxyAfterError(url: string): string;
  proxyAfterNotFound(url: string): string;
  directFirst(): string;
  directAfterError(): string;
  directAfterNotFound(): string;
  offStep(): string;
  goproxy(steps: string): string;
  goproxyInvalid(error: string): string;
  gosumdbUnset(): string;
  gosumdbOff(): string;
  gosumdb(name: string, url: string | null): string;
  gosumdbInvalid(error: string): string;
  goprivateUnset(): string;
  goprivate(p: string): string;
  gonoproxyFollows(p: string | null): string;
  gonoproxyNone(p: string | null): string;
  gonoproxy(p: string): string;
  gonosumdbFollows(p: string | null): string;
  gonosumdbNone(): string;
  gonosumdb(p: string): string;
  goinsecureUnset(): string;
  goinsecure(p: string): string;
  goflags(v: string | null): string;
  goauth(v: string | null): string;
}

const EN: Texts = {
  proxyFirst: (u) => `go asks ${u} first`,
  proxyAfterError: (u) => `then, after any error there, ${u}`,
  proxyAfterNotFound: (u) => `then, only after a 404/410 there, ${u}`,
  directFirst: () => 'go fetches every module from its own repository (direct)',
  directAfterError: () => "then, after any error, the module's own repository (direct)",
  directAfterNotFound: () => "then, only after a 404/410, the module's own repository (direct)",
  offStep: () => 'and then stops (off)',
  goproxy: (s) => `${s}.`,
  goproxyInvalid: (e) => `go rejects this value: ${e}.`,
  gosumdbUnset: () => 'unset: every module not matched by GONOSUMDB is verified against sum.golang.org.',
  gosumdbOff: () => 'off: no module is verified, so nothing proves the code is what its author published (not a safe default).',
  gosumdb: (n, u) => `every module not matched by GONOSUMDB is verified against ${n}${u ? ` at ${u}, bypassing GOPROXY` : ', reached through the first GOPROXY entry that serves /sumdb/ (else directly)'}.`,
  gosumdbInvalid: (e) => `go rejects this value: ${e}.`,
  goprivateUnset: () => 'unset: no module path is private.',
  goprivate: (p) => `${p} is private: unless GONOPROXY/GONOSUMDB say otherwise, these paths skip the proxies and the checksum database.`,
  gonoproxyFollows: (p) => (p ? `unset, so it follows GOPRIVATE: ${p} skips every GOPROXY entry and is fetched from its repository directly.` : 'unset, and so is GOPRIVATE: every module goes through GOPROXY.'),
  gonoproxyNone: (p) => `"none" matches no module path: ${p ? `${p} still goes through GOPROXY, so your private proxy serves it` : 'every module goes through GOPROXY'}.`,
  gonoproxy: (p) => `${p} skips every GOPROXY entry and is fetched from its repository directly.`,
  gonosumdbFollows: (p) => (p ? `unset, so it follows GOPRIVATE: ${p} is never looked up in the checksum database (its path stays private).` : 'unset, and so is GOPRIVATE: every module is verified.'),
  gonosumdbNone: () => '"none" matches no module path: every module is verified, private ones included.',
  gonosumdb: (p) => `${p} is not verified against the checksum database (its path never reaches it).`,
  goinsecureUnset: () => 'unset: every fetch needs valid https.',
  goinsecure: (p) => `${p} may be fetched over plain http or with an invalid certificate; checksums are still verified.`,
  goflags: (v) => (v ? `every go command also gets: ${v}.` : 'unset: no extra flags.'),
  goauth: (v) => (v ? `credentials come from: ${v.split(';').map((s) => s.trim()).join(', then ')} (go 1.24+; sent to https URLs only).` : 'unset: go 1.24+ reads ~/.netrc (https URLs only).'),
};

const ZH: Texts = {
  proxyFirst: (u) => `go 先请求 ${u}`,
  proxyAfterError: (u) => `出现任何错误后再请求 ${u}`,
  proxyAfterNotFound: (u) => `仅在返回 404/410 后再请求 ${u}`,
  directFirst: () => 'go 直接从模块自己的代码仓库获取所有模块（direct）',
  directAfterError: () => '出现任何错误后从模块自己的代码仓库获取（direct）',
  directAfterNotFound: () => '仅在返回 404/410 后从模块自己的代码仓库获取（direct）',
  offStep: () => '之后停止（off）',
  goproxy: (s) => `${s}。`,
  goproxyInvalid: (e) => `go 不接受这个值：${e}。`,
  gosumdbUnset: () => '未设置：所有不匹配 GONOSUMDB 的模块都通过 sum.golang.org 校验。',
  gosumdbOff: () => 'off：不校验任何模块，无法证明代码与作者发布的一致（不是安全的默认设置）。',
  gosumdb: (n, u) => `所有不匹配 GONOSUMDB 的模块都通过 ${n} 校验${u ? `（地址 ${u}，绕过 GOPROXY）` : '（经由 GOPROXY 中第一个提供 /sumdb/ 的条目，否则直连）'}。`,
  gosumdbInvalid: (e) => `go 不接受这个值：${e}。`,
  goprivateUnset: () => '未设置：没有私有模块路径。',
  goprivate: (p) => `${p} 是私有路径：除非 GONOPROXY/GONOSUMDB 另有设置，这些路径不经过代理，也不查询校验和数据库。`,
  gonoproxyFollows: (p) => (p ? `未设置，因此沿用 GOPRIVATE：${p} 不经过任何 GOPROXY 条目，直接从代码仓库获取。` : '未设置，GOPRIVATE 也未设置：所有模块都经过 GOPROXY。'),
  gonoproxyNone: (p) => `"none" 不匹配任何模块路径：${p ? `${p} 仍经过 GOPROXY，由你的私有代理提供` : '所有模块都经过 GOPROXY'}。`,
  gonoproxy: (p) => `${p} 不经过任何 GOPROXY 条目，直接从代码仓库获取。`,
  gonosumdbFollows: (p) => (p ? `未设置，因此沿用 GOPRIVATE：${p} 不会在校验和数据库中查询（路径保持私密）。` : '未设置，GOPRIVATE 也未设置：所有模块都会校验。'),
  gonosumdbNone: () => '"none" 不匹配任何模块路径：所有模块都会校验，包括私有模块。',
  gonosumdb: (p) => `${p} 不通过校验和数据库校验（其路径不会发送给数据库）。`,
  goinsecureUnset: () => '未设置：所有获取都需要有效的 https。',
  goinsecure: (p) => `${p} 可以通过明文 http 或无效证书获取；仍然会校验校验和。`,
  goflags: (v) => (v ? `每个 go 命令都会额外带上：${v}。` : '未设置：没有额外的标志。'),
  goauth: (v) => (v ? `凭据来源：${v.split(';').map((s) => s.trim()).join('，然后 ')}（go 1.24+；只发送给 https URL）。` : '未设置：go 1.24+ 读取 ~/.netrc（只用于 https URL）。'),
};

function describeChain(entries: readonly ChainEntry[], t: Texts): string {
  const parts: string[] = [];
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (e.kind === 'off') parts.push(t.offStep());
    else if (e.kind === 'direct') parts.push(i === 0 ? t.directFirst() : prev?.fallBackOnError ? t.directAfterError() : t.directAfterNotFound());
    else parts.push(i === 0 ? t.proxyFirst(e.url) : prev?.fallBackOnError ? t.proxyAfterError(e.url) : t.proxyAfterNotFound(e.url));
  });
  return parts.join(', ');
}

/** `VAR=value: what it does` for each variable in `vars` (null: unset), in the order given. */
export function explainGoVars(vars: Readonly<Record<string, string | null>>, lang: ExplainLang = 'en'): string[] {
  const t = lang === 'zh-CN' ? ZH : EN;
  const has = (v: string | null | undefined): v is string => v !== null && v !== undefined && v !== '';
  const privatePatterns = has(vars.GOPRIVATE) ? vars.GOPRIVATE : null;
  const lines: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    const shown = `${name}=${value ?? ''}`;
    let what: string;
    switch (name) {
      case 'GOPROXY': {
        const parsed = parseGoproxy(value ?? 'https://proxy.golang.org,direct');
        what = parsed.ok ? t.goproxy(describeChain(parsed.value.entries, t)) : t.goproxyInvalid(parsed.error);
        break;
      }
      case 'GOSUMDB': {
        if (!has(value)) what = t.gosumdbUnset();
        else {
          const parsed = parseGosumdb(value);
          what = !parsed.ok ? t.gosumdbInvalid(parsed.error) : parsed.value.kind === 'off' ? t.gosumdbOff() : t.gosumdb(parsed.value.name, parsed.value.url);
        }
        break;
      }
      case 'GOPRIVATE':
        what = has(value) ? t.goprivate(value) : t.goprivateUnset();
        break;
      case 'GONOPROXY':
        what = !has(value) ? t.gonoproxyFollows(privatePatterns) : value === 'none' ? t.gonoproxyNone(privatePatterns) : t.gonoproxy(value);
        break;
      case 'GONOSUMDB':
        what = !has(value) ? t.gonosumdbFollows(privatePatterns) : value === 'none' ? t.gonosumdbNone() : t.gonosumdb(value);
        break;
      case 'GOINSECURE':
        what = has(value) ? t.goinsecure(value) : t.goinsecureUnset();
        break;
      case 'GOFLAGS':
        what = t.goflags(has(value) ? value : null);
        break;
      case 'GOAUTH':
        what = t.goauth(has(value) ? value : null);
        break;
      default:
        continue;
    }
    lines.push(`${shown}: ${what}`);
  }
  return lines;
}
