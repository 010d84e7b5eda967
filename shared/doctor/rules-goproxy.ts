// Rules about the GOPROXY list and GOSUMDB themselves (go-semantics.md §1, §3, §8).
import { PUBLIC_CATALOG } from '../bench/catalog.js';
import { normalizeProxyUrl, parseGoproxy, type ChainEntry } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { redactCredentials } from '../go/redact.js';
import type { DoctorSnapshot, Evidence, Finding } from './types.js';

/** Proxies that no longer serve modules (go-semantics.md §8); keep the list updatable. */
export const DEFUNCT_PROXY_HOSTS: Readonly<Record<string, string>> = {
  'gocenter.io': 'JFrog GoCenter, shut down in 2021',
  'athens.azurefd.net': 'the Microsoft-hosted Athens, no longer operated',
};

function goproxyEvidence(s: DoctorSnapshot): Evidence {
  const v = s.effective.GOPROXY;
  return { kind: 'variable', variable: 'GOPROXY', value: redactCredentials(v.value), source: v.source, ...(v.path ? { path: v.path } : {}) };
}

function hostOf(entry: ChainEntry): string | null {
  if (entry.kind !== 'proxy') return null;
  const m = /^[a-z]+:\/\/([^/]*)/i.exec(entry.url);
  return m ? m[1]!.replace(/:\d+$/, '').toLowerCase() : null;
}

/** Whether a GOPROXY entry is one of the public mirrors of the catalog (defunct ones included). */
export function isPublicProxy(entry: ChainEntry): boolean {
  if (entry.kind !== 'proxy') return false;
  const url = normalizeProxyUrl(entry.url).toLowerCase();
  return PUBLIC_CATALOG.some((c) => c.kind === 'proxy' && c.url.toLowerCase() === url);
}

/**
 * The entries followed by "," and then another proxy, where a 5xx or a timeout stops go.
 * Not reported: one private proxy first, followed by "," on purpose (a gatekeeper: when it is
 * down, go must stop rather than send the module path to a public mirror).
 */
export function commaStops(entries: readonly ChainEntry[]): number[] {
  const privateGatekeeper = entries.length > 1 && entries[0]!.kind === 'proxy' && !entries[0]!.fallBackOnError && !isPublicProxy(entries[0]!) &&
    entries.filter((e) => e.kind === 'proxy' && !isPublicProxy(e)).length === 1;
  const stops: number[] = [];
  entries.forEach((entry, i) => {
    if (i === 0 && privateGatekeeper) return;
    if (entry.kind === 'proxy' && !entry.fallBackOnError && entries[i + 1]?.kind === 'proxy') stops.push(i);
  });
  return stops;
}

export function goproxyRules(s: DoctorSnapshot): Finding[] {
  const value = s.effective.GOPROXY.value;
  if (value === '') return [];
  return goproxyValueRules(value, goproxyEvidence(s));
}

/** The GOPROXY rules for one value, wherever it was found (the doctor's effective value, or a line of a file for lint). */
export function goproxyValueRules(value: string, ev: Evidence): Finding[] {
  const parsed = parseGoproxy(value);
  if (!parsed.ok) {
    return [{
      id: 'invalid-goproxy',
      severity: 'error',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: {
        en: `go rejects this GOPROXY ("${parsed.error}"), so every module download fails before any proxy is contacted.`,
        zh: `go 拒绝该 GOPROXY（"${parsed.error}"），因此所有模块下载都会在联系任何代理之前失败。`,
      },
      fix: { automatic: false, en: 'Write full URLs with https://, separated by "|" or ",", e.g. https://goproxy.cn|https://proxy.golang.org|direct, or apply a profile with `goproxyctl use`.', zh: '写完整的 https:// URL，用 "|" 或 "," 分隔，例如 https://goproxy.cn|https://proxy.golang.org|direct，或用 `goproxyctl use` 应用一个配置方案。' },
    }];
  }
  const findings: Finding[] = [];
  const syntax = parsed.value.warnings.filter((w) => w.code === 'empty-entry' || w.code === 'space-in-entry');
  if (syntax.length > 0) {
    findings.push({
      id: 'invalid-goproxy',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: { en: `GOPROXY has sloppy syntax that go tolerates but other tools may not: ${syntax.map((w) => w.message).join(' ')}`, zh: `GOPROXY 存在 go 能容忍但其他工具可能无法处理的语法问题：${syntax.map((w) => (w.code === 'empty-entry' ? '有空条目（连续两个分隔符或开头/结尾有分隔符）' : `条目 "${w.entry ?? ''}" 含有空格`)).join('；')}。` },
      fix: { automatic: false, en: 'Remove the empty entries and spaces.', zh: '删除空条目和空格。' },
    });
  }
  const ignored = parsed.value.warnings.filter((w) => w.code === 'ignored-after-terminal');
  if (ignored.length > 0) {
    const list = ignored.map((w) => w.entry ?? '').join(', ');
    findings.push({
      id: 'ignored-after-direct',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: {
        en: `"direct" and "off" end the GOPROXY list, so go never tries ${list}. A proxy listed there is not a fallback.`,
        zh: `"direct" 和 "off" 会终止 GOPROXY 列表，因此 go 永远不会尝试 ${list}。写在其后的代理并不是备用。`,
      },
      fix: { automatic: false, en: 'Move "direct" to the end of the list, after every proxy.', zh: '把 "direct" 移到列表末尾，放在所有代理之后。' },
    });
  }
  const entries = parsed.value.entries;
  const stops = commaStops(entries);
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    if (entry.kind === 'proxy' && next?.kind === 'proxy' && stops.includes(i)) {
      findings.push({
        id: 'comma-no-failover',
        severity: 'warning',
        variable: 'GOPROXY',
        evidence: [ev],
        explanation: {
          en: `${entry.url} is followed by ",", so go moves on to ${next.url} only when it answers 404 or 410. When ${entry.url} is down, times out or answers 5xx, go stops with an error and never tries ${next.url}.`,
          zh: `${entry.url} 后面是 ","，所以只有当它返回 404 或 410 时 go 才会转向 ${next.url}。当 ${entry.url} 宕机、超时或返回 5xx 时，go 会直接报错，永远不会尝试 ${next.url}。`,
        },
        fix: { automatic: false, en: `Use "|" after ${entry.url} so any error fails over, e.g. ${entry.url}|${next.url}.`, zh: `在 ${entry.url} 后使用 "|"，使任何错误都能切换到下一个，例如 ${entry.url}|${next.url}。` },
      });
    }
    const host = hostOf(entry);
    const defunct = host === null ? undefined : DEFUNCT_PROXY_HOSTS[host];
    if (defunct !== undefined && entry.kind === 'proxy') {
      findings.push({
        id: 'defunct-proxy',
        severity: 'error',
        variable: 'GOPROXY',
        evidence: [ev],
        explanation: {
          en: `${entry.url} is ${defunct}. Requests to it fail${entry.fallBackOnError ? ' and cost time before go moves on' : ', and with "," after it go stops there with an error'}.`,
          zh: `${entry.url} 已停止服务（${host === 'gocenter.io' ? 'JFrog GoCenter 已于 2021 年关闭' : '微软托管的 Athens 已不再运营'}）。对它的请求会失败${entry.fallBackOnError ? '，并在 go 转向下一个之前浪费时间' : '，且由于其后是 ","，go 会在此处直接报错'}。`,
        },
        fix: { automatic: false, en: `Remove ${entry.url} from GOPROXY.`, zh: `从 GOPROXY 中删除 ${entry.url}。` },
      });
    }
  });
  for (const w of parsed.value.warnings.filter((x) => x.code === 'insecure-http')) {
    findings.push({
      id: 'insecure-http-proxy',
      severity: 'warning',
      variable: 'GOPROXY',
      evidence: [ev],
      explanation: {
        en: `${w.entry ?? ''} is plain http: anyone on the network path can read which modules you fetch and tamper with the module list and .mod files (the checksum database catches altered zips only for modules it covers).`,
        zh: `${w.entry ?? ''} 使用明文 http：网络路径上的任何人都能看到你获取了哪些模块，并能篡改模块列表和 .mod 文件（校验和数据库只对其覆盖的模块检测被篡改的 zip）。`,
      },
      fix: { automatic: false, en: 'Use the https:// address of the proxy.', zh: '改用该代理的 https:// 地址。' },
    });
  }
  return findings;
}

export function gosumdbRules(s: DoctorSnapshot): Finding[] {
  const v = s.effective.GOSUMDB;
  if (v.value === '') return [];
  return gosumdbValueRules(v.value, { kind: 'variable', variable: 'GOSUMDB', value: v.value, source: v.source, ...(v.path ? { path: v.path } : {}) });
}

/** The GOSUMDB rules for one value, wherever it was found. */
export function gosumdbValueRules(value: string, ev: Evidence): Finding[] {
  const v = { value };
  if (v.value === 'off') {
    return [{
      id: 'gosumdb-off',
      severity: 'warning',
      variable: 'GOSUMDB',
      evidence: [ev],
      explanation: {
        en: 'GOSUMDB=off turns off checksum verification for every module, so a proxy (or anyone between you and it) can serve altered code without go noticing. It is usually set to get private modules working, which GOPRIVATE/GONOSUMDB do without weakening public ones.',
        zh: 'GOSUMDB=off 会关闭所有模块的校验和验证，代理（或你与代理之间的任何人）可以提供被篡改的代码而 go 毫无察觉。人们通常为了让私有模块能用而这样设置，而 GOPRIVATE/GONOSUMDB 可以做到这一点且不削弱公共模块的安全性。',
      },
      fix: { automatic: false, en: 'Set GOSUMDB back (sum.golang.org, or sum.golang.google.cn in mainland China) and list private modules in GOPRIVATE.', zh: '恢复 GOSUMDB（sum.golang.org，中国大陆可用 sum.golang.google.cn），并把私有模块写入 GOPRIVATE。' },
    }];
  }
  const parsed = parseGosumdb(v.value);
  if (parsed.ok) return [];
  return [{
    id: 'invalid-gosumdb',
    severity: 'error',
    variable: 'GOSUMDB',
    evidence: [ev],
    explanation: {
      en: `go rejects GOSUMDB="${v.value}" (${parsed.error}), so every download of a module not yet in go.sum fails. A mirror's URL alone is not a database name.`,
      zh: `go 拒绝 GOSUMDB="${v.value}"（${parsed.error}），因此所有尚未记录在 go.sum 中的模块下载都会失败。单独的镜像 URL 不是数据库名称。`,
    },
    fix: { automatic: false, en: 'Use "sum.golang.org", "sum.golang.google.cn", or a name with a URL such as "sum.golang.org https://goproxy.cn/sumdb/sum.golang.org".', zh: '使用 "sum.golang.org"、"sum.golang.google.cn"，或带 URL 的名称，例如 "sum.golang.org https://goproxy.cn/sumdb/sum.golang.org"。' },
  }];
}
