// Rules about GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE (go-semantics.md §2), and
// GOPRIVATE suggestions from the user's projects.
import { checkPrefixPatterns, matchPrefixPatterns } from '../go/match.js';
import type { GoProxyVar } from '../go/effective.js';
import { privatePatternFor, remoteToPath } from './suggest-private.js';
import type { DoctorSnapshot, Evidence, Finding } from './types.js';

const PATTERN_VARS: readonly GoProxyVar[] = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'];

/** Pattern variables the user set themselves (a GONOPROXY derived from GOPRIVATE is checked as GOPRIVATE). */
function explicitPatterns(s: DoctorSnapshot): { name: GoProxyVar; value: string; ev: Evidence }[] {
  return PATTERN_VARS.map((name) => ({ name, v: s.effective[name] }))
    .filter(({ v }) => v.value !== '' && v.source !== 'derived' && v.source !== 'default')
    .map(({ name, v }) => ({ name, value: v.value, ev: { kind: 'variable' as const, variable: name, value: v.value, source: v.source, ...(v.path ? { path: v.path } : {}) } }));
}

export function patternRules(s: DoctorSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const { name, value, ev } of explicitPatterns(s)) {
    if (value === 'none' && (name === 'GONOPROXY' || name === 'GONOSUMDB')) continue;
    for (const p of checkPrefixPatterns(value)) {
      if (p.code === 'has-space') {
        findings.push({
          id: 'pattern-has-space',
          severity: 'error',
          variable: name,
          evidence: [ev],
          explanation: {
            en: `The ${name} pattern "${p.glob}" contains whitespace. go does not trim spaces, so this pattern never matches a module path and those modules are treated as public${name === 'GOINSECURE' ? '' : ': their paths go to the public proxy and checksum database'}.`,
            zh: `${name} 中的模式 "${p.glob}" 含有空白字符。go 不会去除空格，因此该模式永远匹配不到模块路径，这些模块会被当作公共模块${name === 'GOINSECURE' ? '' : '：它们的路径会被发送到公共代理和校验和数据库'}。`,
          },
          fix: { automatic: false, en: `Write the list without spaces: ${value.split(',').map((g) => g.trim()).join(',')}.`, zh: `去掉空格重写该列表：${value.split(',').map((g) => g.trim()).join(',')}。` },
        });
      } else if (p.code === 'uppercase') {
        findings.push({
          id: 'pattern-uppercase',
          severity: 'warning',
          variable: name,
          evidence: [ev],
          explanation: {
            en: `The ${name} pattern "${p.glob}" has capital letters in its host. Matching is case-sensitive and module hosts are lower-case, so it matches nothing.`,
            zh: `${name} 中的模式 "${p.glob}" 的主机名含有大写字母。匹配区分大小写，而模块主机名都是小写，因此它匹配不到任何模块。`,
          },
          fix: { automatic: false, en: `Write the host in lower case: ${p.glob.toLowerCase()}.`, zh: `把主机名改为小写：${p.glob.toLowerCase()}。` },
        });
      } else if (p.code === 'too-broad') {
        findings.push({
          id: 'too-broad-private',
          severity: 'warning',
          variable: name,
          evidence: [ev],
          explanation: {
            en: `The ${name} pattern "${p.glob}" matches every module, public ones included, so ${name === 'GOINSECURE' ? 'every direct fetch may skip certificate checks' : 'go skips the proxy and/or the checksum database for all of them: downloads are slower and nothing is verified'}.`,
            zh: `${name} 中的模式 "${p.glob}" 匹配所有模块（包括公共模块），因此${name === 'GOINSECURE' ? '所有直接获取都可能跳过证书校验' : 'go 对所有模块都会跳过代理和/或校验和数据库：下载更慢且不做任何验证'}。`,
          },
          fix: { automatic: false, en: 'Narrow it to your private hosts or organisations, e.g. git.corp.example.com,github.com/your-org.', zh: '把它缩小到你的私有主机或组织，例如 git.corp.example.com,github.com/your-org。' },
        });
      } else if (p.code === 'bad-pattern') {
        findings.push({
          id: 'pattern-never-matches',
          severity: 'error',
          variable: name,
          evidence: [ev],
          explanation: { en: `The ${name} pattern "${p.glob}" is not a valid glob, so go never matches it.`, zh: `${name} 中的模式 "${p.glob}" 不是有效的通配模式，go 永远不会匹配它。` },
          fix: { automatic: false, en: 'Fix the glob: close every "[", and do not end it with "\\".', zh: '修正该模式：闭合每个 "["，且不要以 "\\" 结尾。' },
        });
      }
    }
  }
  return findings.concat(neverMatches(s), suggestions(s));
}

/** Globs that match none of the modules of the --project dirs (only judged when projects were given). */
function neverMatches(s: DoctorSnapshot): Finding[] {
  const paths = s.projects.flatMap((p) => [...(p.modulePath ? [p.modulePath] : []), ...p.requires]);
  if (paths.length === 0) return [];
  const findings: Finding[] = [];
  for (const { name, value, ev } of explicitPatterns(s)) {
    if (value === 'none') continue;
    for (const glob of value.split(',')) {
      if (glob.trim() === '' || /\s/.test(glob) || glob.trim() === '*') continue; // reported by other rules
      if (paths.some((p) => matchPrefixPatterns(glob, p))) continue;
      findings.push({
        id: 'pattern-never-matches',
        severity: 'warning',
        variable: name,
        evidence: [ev, ...s.projects.map((p) => ({ kind: 'project' as const, dir: p.dir, detail: `${p.modulePath ?? '(no go.mod)'} and ${p.requires.length} required modules` }))],
        explanation: {
          en: `The ${name} pattern "${glob}" matches none of the ${paths.length} modules of the projects checked. It may be a typo (patterns match whole path elements: "github.com/org" does not match "github.com/organization/repo"), or it is meant for other projects.`,
          zh: `${name} 中的模式 "${glob}" 与所检查项目的 ${paths.length} 个模块都不匹配。可能是拼写错误（模式按完整路径段匹配："github.com/org" 不匹配 "github.com/organization/repo"），也可能是为其他项目准备的。`,
        },
        fix: { automatic: false, en: 'Compare it with the module paths in go.mod and correct it, or ignore this if it is for other projects.', zh: '对照 go.mod 中的模块路径进行修正；如果它用于其他项目，可忽略此提示。' },
      });
    }
  }
  return findings;
}

function suggestions(s: DoctorSnapshot): Finding[] {
  const goprivate = s.effective.GOPRIVATE.value;
  const gonoproxy = s.effective.GONOPROXY.value;
  const suggested = new Map<string, Evidence[]>();
  for (const p of s.projects) {
    const candidates: { path: string; detail: string }[] = [];
    if (p.modulePath) candidates.push({ path: p.modulePath, detail: `module ${p.modulePath}` });
    for (const r of p.remotes) {
      const path = remoteToPath(r);
      if (path) candidates.push({ path, detail: `git remote ${r}` });
    }
    for (const c of candidates) {
      const pattern = privatePatternFor(c.path);
      if (pattern === null || matchPrefixPatterns(goprivate, c.path) || matchPrefixPatterns(gonoproxy, c.path)) continue;
      const list = suggested.get(pattern) ?? [];
      list.push({ kind: 'project', dir: p.dir, detail: c.detail });
      suggested.set(pattern, list);
    }
  }
  if (suggested.size === 0) return [];
  const patterns = [...suggested.keys()];
  const value = [goprivate, ...patterns].filter((x) => x !== '').join(',');
  return [{
    id: 'suggest-goprivate',
    severity: 'info',
    variable: 'GOPRIVATE',
    evidence: [...suggested.values()].flat(),
    explanation: {
      en: `If ${patterns.join(', ')} ${patterns.length > 1 ? 'are' : 'is'} private, add ${patterns.length > 1 ? 'them' : 'it'} to GOPRIVATE: otherwise go asks the public proxy and checksum database for these modules, which fails and leaks their names.`,
      zh: `如果 ${patterns.join('、')} 是私有的，请把它加入 GOPRIVATE：否则 go 会向公共代理和校验和数据库请求这些模块，不仅会失败，还会泄露模块名称。`,
    },
    fix: { automatic: false, en: `Set GOPRIVATE=${value} in your profile (\`goproxyctl profiles\`), or run \`go env -w GOPRIVATE=${value}\`.`, zh: `在配置方案中设置 GOPRIVATE=${value}（\`goproxyctl profiles\`），或运行 \`go env -w GOPRIVATE=${value}\`。` },
  }];
}
