// The lint rules: Go variables found in a file (with positions) → findings. The GOPROXY, GOSUMDB
// and GO111MODULE verdicts are the doctor's own (shared/doctor), so the doctor and lint agree;
// GOPRIVATE-style lists go through shared/go/match.ts, GOPROXY lists through shared/go/goproxy.ts.
import { commaStops, goproxyValueRules, gosumdbValueRules, isPublicProxy } from '../doctor/rules-goproxy.js';
import { gomoduleOffFinding } from '../doctor/rules-env.js';
import { renderFindingText, type Evidence, type FindingDraft, type FindingText } from '../doctor/types.js';
import { parseGoproxy } from '../go/goproxy.js';
import { checkPrefixPatterns } from '../go/match.js';
import { redactCredentials } from '../go/redact.js';
import { unknownGoVariable } from './known-vars.js';
import { lineIndex, type LineIndex } from './positions.js';
import type { Assignment, LintFacts, LintFinding, LintRuleId, LintSeverity, Localized, TextEdit } from './types.js';

type Draft = Omit<LintFinding, 'file' | 'line' | 'column'> & { offset: number };

export function lintFacts(facts: LintFacts): LintFinding[] {
  const lines: LineIndex = lineIndex(facts.text);
  const drafts: Draft[] = [];
  const values = (name: string): string[] => facts.assignments.filter((a) => a.variable === name && a.value !== null).map((a) => a.value!);
  const scope = {
    goproxyOff: values('GOPROXY').some((v) => v.trim() === 'off'),
    privateSkipsProxies: [...values('GOPRIVATE'), ...values('GONOPROXY')].some((v) => v.trim() !== '' && v.trim() !== 'none'),
    inImage: facts.kind === 'dockerfile',
  };
  // A name the file itself reads back ($GO_PROXY, ${GO_PROXY}, $(GO_PROXY), env.GO_PROXY) is a
  // variable of the script (e.g. `ARG GO_PROXY` then `ENV GOPROXY=$GO_PROXY`), not a misspelling.
  const readBack = (name: string): boolean => new RegExp(`\\$[({]?${name}\\b|env\\.${name}\\b`).test(facts.text);
  for (const a of facts.assignments) drafts.push(...assignmentRules(readBack(a.variable) ? { ...a, local: true } : a, scope));
  for (const p of facts.pipeSplits) {
    drafts.push({
      offset: p.offset,
      rule: 'pipe-unquoted-in-shell',
      severity: 'error',
      variable: p.variable,
      value: redactCredentials(p.intended),
      why: {
        en: `Unquoted, the shell reads "|" as a pipe: it sets ${p.variable} to the first entry only in a throw-away subshell and runs the next entry as a command, so go never sees ${p.variable}=${redactCredentials(p.intended)}.`,
        zh: `未加引号时 shell 会把 "|" 当作管道：它只在一个临时子 shell 中把 ${p.variable} 设为第一个条目，并把下一个条目当作命令执行，因此 go 永远看不到 ${p.variable}=${redactCredentials(p.intended)}。`,
      },
      fix: { en: `Quote the list: ${p.variable}='${redactCredentials(p.intended)}'.`, zh: `给列表加上引号：${p.variable}='${redactCredentials(p.intended)}'。` },
      ...(p.span && !p.intended.includes("'") ? { edits: [{ start: p.span.start, end: p.span.start, text: "'" }, { start: p.span.end, end: p.span.end, text: "'" }] } : {}),
    });
  }
  for (const o of facts.argsOutOfScope) {
    drafts.push({
      offset: o.offset,
      rule: 'arg-out-of-scope',
      severity: 'error',
      variable: o.variable,
      value: `ARG ${o.variable} (line ${lines.lineOf(o.declaredAt)})`,
      why: {
        en: `An ARG declared before the first FROM is only visible to FROM lines, so inside stage ${o.stage} ${o.variable} is empty and go uses its default instead.`,
        zh: `在第一个 FROM 之前声明的 ARG 只对 FROM 行可见，因此在构建阶段 ${o.stage} 中 ${o.variable} 为空，go 会改用其默认值。`,
      },
      fix: { en: `Add \`ARG ${o.variable}\` (no value) inside the stage, after its FROM, then use it (e.g. \`ENV ${o.variable}=$${o.variable}\`).`, zh: `在该阶段的 FROM 之后加上 \`ARG ${o.variable}\`（不带值），再使用它（例如 \`ENV ${o.variable}=$${o.variable}\`）。` },
    });
  }
  for (const w of facts.goEnvWrites) {
    drafts.push({
      offset: w.offset,
      rule: 'go-env-w-in-image',
      severity: 'warning',
      variable: w.variables.join(','),
      value: `go env -w ${w.variables.join(' ')}`.trim(),
      why: {
        en: '`go env -w` writes the env file of the current user ($HOME/.config/go/env): any ENV of the same variable overrides it, and after another USER (or with a different HOME) go does not read it at all.',
        zh: '`go env -w` 写入的是当前用户的 env 文件（$HOME/.config/go/env）：同名的 ENV 会覆盖它，切换到其他 USER（或 HOME 不同）后 go 根本不会读取它。',
      },
      fix: { en: `Set ${w.variables.join(', ') || 'the variables'} with ENV (or ARG + ENV) instead of \`go env -w\`.`, zh: `改用 ENV（或 ARG + ENV）设置 ${w.variables.join('、') || '这些变量'}，不要用 \`go env -w\`。` },
    });
  }
  for (const r of facts.removedFlags) drafts.push(insecureFlag(r.offset, 'go', r.flag));
  return drafts
    .map(({ offset, ...d }) => ({ file: facts.file, line: lines.lineOf(offset), column: lines.columnOf(offset), ...d }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

interface Scope {
  goproxyOff: boolean;
  privateSkipsProxies: boolean;
  inImage: boolean;
}

const PATTERN_VARS = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE']);

function assignmentRules(a: Assignment, scope: Scope): Draft[] {
  const drafts: Draft[] = [];
  const value = a.value;
  const shown = redactCredentials(value ?? '');
  const draft = (rule: LintRuleId, severity: LintSeverity, why: Localized, fix: Localized, edits?: TextEdit[]): Draft => ({
    offset: a.offset, rule, severity, variable: a.variable, value: shown, why, fix, ...(edits && edits.length > 0 ? { edits } : {}),
  });
  const typo = a.local ? null : unknownGoVariable(a.variable);
  if (typo !== null) {
    drafts.push(draft('unknown-go-variable', 'warning',
      { en: `go does not read ${a.variable}${typo ? ` (did you mean ${typo}?)` : ''}, so this setting has no effect.`, zh: `go 不会读取 ${a.variable}${typo ? `（是否想写 ${typo}？）` : ''}，因此该设置不起任何作用。` },
      typo ? { en: `Rename it to ${typo}.`, zh: `把它改名为 ${typo}。` } : { en: 'Remove it, or use the variable go documents in `go help environment`.', zh: '删除它，或改用 `go help environment` 中记载的变量。' }));
    return drafts;
  }
  // An empty value is the same as unset to go (cfg.Getenv): nothing to check.
  if (value === null || value === '') return drafts;
  const ev: Evidence = { kind: 'variable', variable: a.variable, value: shown, source: a.where };
  switch (a.variable) {
    case 'GOPROXY':
      drafts.push(...goproxyDrafts(a, value, ev, draft, scope));
      break;
    case 'GOSUMDB':
      for (const f of gosumdbValueRules(value.trim(), ev)) {
        if (f.id === 'gosumdb-off' && scope.goproxyOff) continue;
        drafts.push(fromDoctor(f, f.id === 'gosumdb-off' ? 'gosumdb-off' : 'invalid-gosumdb', draft));
      }
      break;
    case 'GO111MODULE':
      if (value.trim() === 'off') drafts.push(fromDoctor(gomoduleOffFinding(ev), 'go111module-off', draft));
      break;
    case 'GOFLAGS': {
      const flag = value.split(/\s+/).find((f) => /^--?insecure(=.*)?$/.test(f));
      if (flag) drafts.push({ ...insecureFlag(a.offset, 'GOFLAGS', flag), value: shown });
      break;
    }
    default:
      if (PATTERN_VARS.has(a.variable)) drafts.push(...patternDrafts(a.variable, value, draft));
  }
  return drafts;
}

type DraftFn = (rule: LintRuleId, severity: LintSeverity, why: Localized, fix: Localized, edits?: TextEdit[]) => Draft;

/** The doctor's words (messages) in lint's shape: both languages, rendered. */
function bothLanguages(text: FindingText | undefined): Localized {
  return text === undefined ? { en: '', zh: '' } : { en: renderFindingText('en', text), zh: renderFindingText('zh-CN', text) };
}

function fromDoctor(f: FindingDraft, rule: LintRuleId, draft: DraftFn, edits?: TextEdit[]): Draft {
  return draft(rule, f.severity === 'error' ? 'error' : 'warning', bothLanguages(f.explanation), bothLanguages(f.fix?.text), edits);
}

function goproxyDrafts(a: Assignment, value: string, ev: Evidence, draft: DraftFn, scope: Scope): Draft[] {
  const drafts: Draft[] = [];
  const parsed = parseGoproxy(value);
  const stops = parsed.ok ? commaStops(parsed.value.entries) : [];
  let stopIndex = 0;
  for (const f of goproxyValueRules(value, ev)) {
    if (f.id === 'invalid-goproxy') {
      if (f.severity !== 'error') continue; // empty entries and spaces: go accepts them
      const missing = !parsed.ok && parsed.error.includes('missing scheme');
      drafts.push(fromDoctor(f, missing ? 'missing-scheme' : 'invalid-goproxy', draft));
    } else if (f.id === 'ignored-after-direct') drafts.push(fromDoctor(f, 'entries-after-direct', draft));
    else if (f.id === 'defunct-proxy') drafts.push(fromDoctor(f, 'defunct-proxy', draft));
    else if (f.id === 'comma-no-failover' && parsed.ok) {
      const i = stops[stopIndex++]!;
      const entries = parsed.value.entries;
      const certain = isPublicProxy(entries[i]!) && isPublicProxy(entries[i + 1]!);
      const edits = certain ? commaEdits(a, value, i) : undefined;
      drafts.push(fromDoctor(f, 'comma-no-failover', draft, edits ?? undefined));
    }
  }
  if (parsed.ok && !scope.privateSkipsProxies) {
    const entries = parsed.value.entries;
    entries.forEach((e, i) => {
      if (e.kind !== 'proxy' || isPublicProxy(e) || !e.fallBackOnError) return;
      const next = entries.slice(i + 1).find((n) => isPublicProxy(n));
      if (!next || next.kind !== 'proxy') return;
      const host = redactCredentials(e.url);
      drafts.push(draft('private-leak', 'warning',
        {
          en: `"|" after ${host} makes go try ${next.url} on any error there, so while ${host} is down go asks a public mirror for every module path, private ones included (GOPRIVATE/GONOPROXY is not set here).`,
          zh: `${host} 后面的 "|" 让 go 在它出任何错误时转向 ${next.url}，因此当 ${host} 宕机时，go 会向公共镜像请求所有模块路径，包括私有模块（此处未设置 GOPRIVATE/GONOPROXY）。`,
        },
        {
          en: `List your private module paths in GOPRIVATE (they then skip every proxy), or use "," after ${host} so go stops when it is down.`,
          zh: `把私有模块路径写入 GOPRIVATE（这样它们会跳过所有代理），或在 ${host} 后使用 ","，使其宕机时 go 直接停止。`,
        }));
    });
  }
  return drafts;
}

/**
 * `,` → `|` after entry `index`. In a shell word that is not quoted, the whole value gets single
 * quotes too (an unquoted "|" would become a pipe). Null when the source cannot be edited safely.
 */
function commaEdits(a: Assignment, value: string, index: number): TextEdit[] | null {
  const offsets = a.valueOffsets;
  if (!offsets || offsets.length !== value.length) return null;
  let entry = -1;
  let segmentStart = 0;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    if (i < value.length && ch !== ',' && ch !== '|') continue;
    if (value.slice(segmentStart, i).trim() !== '') entry++;
    if (entry === index) {
      if (ch !== ',') return null;
      const edits: TextEdit[] = [{ start: offsets[i]!, end: offsets[i]! + 1, text: '|' }];
      if (a.syntax === 'shell' && !a.quoted) {
        if (value.includes("'")) return null;
        edits.push({ start: offsets[0]!, end: offsets[0]!, text: "'" }, { start: offsets[value.length - 1]! + 1, end: offsets[value.length - 1]! + 1, text: "'" });
      }
      return edits;
    }
    segmentStart = i + 1;
  }
  return null;
}

function patternDrafts(name: string, value: string, draft: DraftFn): Draft[] {
  const drafts: Draft[] = [];
  if (value === 'none' && (name === 'GONOPROXY' || name === 'GONOSUMDB')) return drafts;
  for (const p of checkPrefixPatterns(value)) {
    if (p.code === 'too-broad') {
      drafts.push(draft('gonoproxy-wildcard', 'warning',
        {
          en: `${name}="${p.glob}" matches every module path, so go ${name === 'GOINSECURE' ? 'may fetch every module over insecure connections' : name === 'GONOSUMDB' ? 'checks no module against the checksum database' : 'fetches every module directly from its VCS host, skipping the proxy' + (name === 'GOPRIVATE' ? ' and the checksum database' : '')}.`,
          zh: `${name}="${p.glob}" 匹配所有模块路径，因此 go ${name === 'GOINSECURE' ? '可能通过不安全的连接获取所有模块' : name === 'GONOSUMDB' ? '不会用校验和数据库校验任何模块' : '会绕过代理直接从版本控制主机获取所有模块' + (name === 'GOPRIVATE' ? '，并跳过校验和数据库' : '')}。`,
        },
        { en: 'List only your private hosts or organisations, e.g. git.corp.example.com,github.com/your-org.', zh: '只列出你的私有主机或组织，例如 git.corp.example.com,github.com/your-org。' }));
    } else if (p.code === 'has-space' || p.code === 'bad-pattern' || p.code === 'uppercase') {
      const reason = p.code === 'has-space'
        ? { en: 'contains a space, which go keeps as part of the pattern', zh: '含有空格，go 会把空格当作模式的一部分' }
        : p.code === 'uppercase'
          ? { en: 'has capitals in its host, and module hosts are lower-case (matching is case-sensitive)', zh: '主机名含大写字母，而模块主机名都是小写（匹配区分大小写）' }
          : { en: 'is not a valid path.Match pattern', zh: '不是有效的 path.Match 模式' };
      drafts.push(neverMatches(name, value, p.glob, reason, draft));
    }
  }
  for (const glob of value.split(',')) {
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(glob)) {
      drafts.push(neverMatches(name, value, glob, { en: 'starts with a URL scheme, but patterns are matched against module paths (which have none)', zh: '以 URL 协议开头，而模式是与模块路径（不含协议）匹配的' }, draft));
    }
  }
  return drafts;
}

function neverMatches(name: string, value: string, glob: string, reason: Localized, draft: DraftFn): Draft {
  const cleaned = value.split(',').map((g) => g.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).filter((g) => g !== '').join(',');
  return draft('pattern-never-matches', 'error',
    { en: `The ${name} pattern "${glob}" ${reason.en}, so go never matches it and those modules are treated as public.`, zh: `${name} 中的模式 "${glob}" ${reason.zh}，因此 go 永远不会匹配它，这些模块会被当作公共模块。` },
    { en: `Write bare module path prefixes without spaces: ${name}=${cleaned}.`, zh: `写不带空格和协议的模块路径前缀：${name}=${cleaned}。` });
}

function insecureFlag(offset: number, variable: string, flag: string): Draft {
  return {
    offset,
    rule: 'insecure-flag',
    severity: 'error',
    variable,
    value: flag,
    why: {
      en: `go no longer has the ${flag} flag (go 1.19 and 1.23 stop with "-insecure flag is no longer supported; use GOINSECURE instead"), so the command fails.`,
      zh: `go 已不再支持 ${flag} 标志（go 1.19 和 1.23 会报错 "-insecure flag is no longer supported; use GOINSECURE instead"），因此该命令会失败。`,
    },
    fix: { en: 'Remove the flag and list the hosts that need it in GOINSECURE (and GOPRIVATE for private ones).', zh: '删除该标志，并把需要它的主机写入 GOINSECURE（私有主机同时写入 GOPRIVATE）。' },
  };
}
