// Rules about where settings come from and the environment go runs in: shadowing, GOENV,
// GO111MODULE, toolchain age, netrc permissions, HTTP proxies.
import { redactCredentials } from '../go/redact.js';
import type { GoProxyVar } from '../go/effective.js';
import { whyNotMovable, type RcAssignment } from './rc-scan.js';
import type { DoctorSnapshot, Evidence, Finding } from './types.js';
import { goOlderThan } from '../go/version.js';

/** The variables a profile manages: an OS-level setting of one of them defeats `go env -w`. */
export const SHADOW_CHECKED_VARS: readonly GoProxyVar[] = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GOAUTH'];

/** What `doctor --fix` does with the lines that set one variable. */
export interface ShadowFixPlan {
  /** Statements commented out (simple, top-level, alone on their lines). */
  comment: RcAssignment[];
  /**
   * Statements left as they are in a file that holds goproxyctl's managed block: the block moves
   * to the end of that file, after them, so the active profile wins in new terminals.
   */
  outrun: RcAssignment[];
}

/**
 * Whether and how `doctor --fix` can take these rc lines out of the way: every one movable
 * (rc-scan.ts) and, when their value moves into the managed block, agreeing on it. With a profile
 * active the profile's value replaces them, so they need not agree, and a line that cannot be
 * commented out (a conditional, a shared line...) can still be outrun by putting the managed block
 * after it, when it sits in a file that holds the block (`blockFiles`) and is not inside a
 * function (which may run later, whenever it is called). Null: a fix by hand is needed.
 */
export function shadowFixPlan(lines: readonly RcAssignment[], profileActive = false, blockFiles: readonly string[] = []): ShadowFixPlan | null {
  if (lines.length === 0) return null;
  const comment = lines.filter((l) => l.movable);
  const outrun = lines.filter((l) => !l.movable);
  if (!profileActive) return outrun.length === 0 && new Set(lines.map((l) => l.value)).size === 1 ? { comment, outrun } : null;
  const winnable = (l: RcAssignment): boolean => blockFiles.includes(l.file) && l.context !== 'function' && l.context !== 'unparsable';
  return outrun.every(winnable) ? { comment, outrun } : null;
}

/** Whether `doctor --fix` can handle these lines by itself (see shadowFixPlan). */
export function shadowLinesFixable(lines: readonly RcAssignment[], profileActive = false, blockFiles: readonly string[] = []): boolean {
  return shadowFixPlan(lines, profileActive, blockFiles) !== null;
}

/**
 * Text that looks like an assignment inside a multi-line string or a heredoc assigns nothing: it is
 * shown (and left alone) but neither raises the finding nor stops the fix of real assignments.
 */
export function assignsSomething(a: RcAssignment): boolean {
  return a.context !== 'string' && a.context !== 'heredoc';
}

/** The variables every profile sets or unsets (profileToGoEnv): with a profile active, its value wins. */
export const PROFILE_MANAGED_VARS: readonly GoProxyVar[] = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'];

/** "file:line (why)" for each line `doctor --fix` leaves alone, in both languages. */
export function leftAloneLines(lines: readonly RcAssignment[]): { en: string[]; zh: string[] } {
  const en: string[] = [];
  const zh: string[] = [];
  for (const l of lines) {
    const why = whyNotMovable(l);
    if (!why) continue;
    en.push(`${l.file}:${l.line} (${why.en})`);
    zh.push(`${l.file}:${l.line}（${why.zh}）`);
  }
  return { en, zh };
}

export function shadowedByOsEnv(s: DoctorSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const name of SHADOW_CHECKED_VARS) {
    const v = s.effective[name];
    const fileShadow = v.source === 'os-env' ? v.shadows.find((sh) => sh.source === 'env-file' && sh.value !== v.value) : undefined;
    const shown = s.rcAssignments.filter((a) => a.variable === name && a.action === 'set' && !a.inManagedBlock);
    const lines = shown.filter(assignsSomething);
    if (!fileShadow && lines.length === 0) continue;
    const evidence: Evidence[] = [];
    if (v.source === 'os-env') evidence.push({ kind: 'process-env', variable: name, value: redactCredentials(v.value) });
    if (fileShadow) evidence.push({ kind: 'variable', variable: name, value: redactCredentials(fileShadow.value), source: 'env-file', ...(fileShadow.path ? { path: fileShadow.path } : {}) });
    for (const l of shown) evidence.push({ kind: 'file', file: l.file, line: l.line, text: redactCredentials(l.text) });
    const where = lines.map((l) => `${l.file}:${l.line}`).join(', ');
    const profile = s.activeProfile && PROFILE_MANAGED_VARS.includes(name) ? s.activeProfile : null;
    const plan = shadowFixPlan(lines, profile !== null, s.blockFiles ?? []);
    const automatic = plan !== null;
    const leftAlone = leftAloneLines(shown);
    const commented = plan?.comment.map((l) => `${l.file}:${l.line}`).join(', ') ?? '';
    const outrun = plan?.outrun.map((l) => `${l.file}:${l.line}`).join(', ') ?? '';
    const outrunFiles = [...new Set(plan?.outrun.map((l) => l.file) ?? [])].join(', ');
    findings.push({
      id: 'shadowed-by-os-env',
      severity: fileShadow ? 'error' : 'warning',
      variable: name,
      evidence,
      explanation: {
        en:
          `${name} is set in the environment${where ? ` (by ${where})` : ' of this process'}, and a non-empty environment variable always wins over the go env file. ` +
          (fileShadow ? `Right now go uses the environment's value, not the one \`go env -w\` wrote, and \`go env -w\` only prints a warning, so switching profiles seems to work but does not. ` : `Every new terminal will override whatever \`go env -w\` or a profile writes, so switching profiles seems to work but does not. `) +
          `Settings should live in one place that goproxyctl manages.`,
        zh:
          `${name} 在环境变量中被设置${where ? `（来自 ${where}）` : '（当前进程）'}，而非空的环境变量总是优先于 go env 配置文件。` +
          (fileShadow ? `此刻 go 使用的是环境变量的值，而不是 \`go env -w\` 写入的值；\`go env -w\` 只会打印一条警告，所以切换配置看似成功，实际无效。` : `每个新终端都会覆盖 \`go env -w\` 或配置方案写入的值，所以切换配置看似成功，实际无效。`) +
          `应当把设置集中在 goproxyctl 管理的一个位置。`,
      },
      fix: automatic
        ? {
            automatic: true,
            en: profile
              ? `Run \`goproxyctl doctor --fix\`: ${commented ? `it comments out ${commented} with a goproxyctl marker` : 'it comments out nothing'}${outrun ? `, moves goproxyctl's managed block to the end of ${outrunFiles} so that it comes after ${outrun}` : ''}, so that the active profile "${profile}" takes effect (its value stays in goproxyctl's managed block and the go env file), and \`goproxyctl undo\` reverses it. Open a new terminal afterwards.`
              : `Run \`goproxyctl doctor --fix\`: it comments out ${where} with a goproxyctl marker, moves the value into goproxyctl's managed block (and the go env file), and \`goproxyctl undo\` reverses it. Open a new terminal afterwards.`,
            zh: profile
              ? `运行 \`goproxyctl doctor --fix\`：${commented ? `它会用 goproxyctl 标记注释掉 ${commented}` : '它不会注释任何行'}${outrun ? `，并把 goproxyctl 管理的区块移到 ${outrunFiles} 的末尾，使其位于 ${outrun} 之后` : ''}，让当前启用的配置方案“${profile}”生效（其取值保留在 goproxyctl 管理的区块和 go env 文件中），可用 \`goproxyctl undo\` 撤销。之后请打开新终端。`
              : `运行 \`goproxyctl doctor --fix\`：它会用 goproxyctl 标记注释掉 ${where}，把该值移入 goproxyctl 管理的区块（以及 go env 文件），可用 \`goproxyctl undo\` 撤销。之后请打开新终端。`,
          }
        : {
            automatic: false,
            en: lines.length > 0
              ? `Remove or change ${where} by hand, then open a new terminal: goproxyctl edits only a simple top-level statement alone on its line, and leaves ${leftAlone.en.length > 0 ? leftAlone.en.join(', ') : `these lines (their values disagree)`}.`
              : `Find where your session sets ${name} (a CI variable, a Dockerfile ENV, a launcher, /etc/environment) and remove it, or run \`unset ${name}\` in this terminal.`,
            zh: lines.length > 0
              ? `请手动删除或修改 ${where}，然后打开新终端：goproxyctl 只编辑单独成行的顶层简单语句，不会改动${leftAlone.zh.length > 0 ? leftAlone.zh.join('、') : '这些行（它们的取值不一致）'}。`
              : `请找到设置 ${name} 的地方（CI 变量、Dockerfile 的 ENV、启动器、/etc/environment）并删除，或在当前终端运行 \`unset ${name}\`。`,
          },
    });
  }
  return findings;
}

export function goenvOff(s: DoctorSnapshot): Finding[] {
  if (s.effective.GOENV.value !== 'off') return [];
  return [{
    id: 'goenv-off',
    severity: 'warning',
    variable: 'GOENV',
    evidence: [{ kind: 'process-env', variable: 'GOENV', value: 'off' }],
    explanation: {
      en: 'GOENV=off tells go to ignore its env file entirely: `go env -w` fails, and settings written there by goproxyctl or by you have no effect. Only the environment (shell startup files, CI variables) configures go.',
      zh: 'GOENV=off 让 go 完全忽略其 env 配置文件：`go env -w` 会失败，goproxyctl 或你写入该文件的设置都不会生效，只有环境变量（shell 启动文件、CI 变量）能配置 go。',
    },
    fix: { automatic: false, en: 'Unset GOENV where it is set (unless you disabled the file on purpose); goproxyctl still writes the shell files.', zh: '在设置 GOENV 的地方取消它（除非你是有意禁用该文件）；goproxyctl 仍会写入 shell 文件。' },
  }];
}

export function gomoduleOff(s: DoctorSnapshot): Finding[] {
  const v = s.effective.GO111MODULE;
  if (v.value !== 'off') return [];
  return [gomoduleOffFinding({ kind: 'variable', variable: 'GO111MODULE', value: 'off', source: v.source, ...(v.path ? { path: v.path } : {}) })];
}

/** GO111MODULE=off, wherever it was found. */
export function gomoduleOffFinding(ev: Evidence): Finding {
  return {
    id: 'gomodule-off',
    severity: 'error',
    variable: 'GO111MODULE',
    evidence: [ev],
    explanation: {
      en: 'GO111MODULE=off puts go in the old GOPATH mode: go.mod files are ignored and `go get` clones repositories directly, so no module proxy, checksum database or GOPRIVATE setting is used at all.',
      zh: 'GO111MODULE=off 让 go 进入旧的 GOPATH 模式：go.mod 被忽略，`go get` 直接克隆仓库，因此模块代理、校验和数据库和 GOPRIVATE 设置全部不起作用。',
    },
    fix: { automatic: false, en: 'Remove GO111MODULE (modules are the default since Go 1.16): `go env -u GO111MODULE` and delete any `export GO111MODULE=off`.', zh: '删除 GO111MODULE（Go 1.16 起默认启用模块）：运行 `go env -u GO111MODULE` 并删除所有 `export GO111MODULE=off`。' },
  };
}

export function goTooOld(s: DoctorSnapshot): Finding[] {
  const findings: Finding[] = [];
  const version = s.goVersion;
  if (version === null) return findings;
  const goproxy = s.effective.GOPROXY.value;
  if (goproxy.includes('|') && goOlderThan(version, 15)) {
    findings.push({
      id: 'go-too-old',
      severity: 'error',
      variable: 'GOPROXY',
      evidence: [{ kind: 'go-version', version }, { kind: 'variable', variable: 'GOPROXY', value: redactCredentials(goproxy), source: s.effective.GOPROXY.source }],
      explanation: {
        en: `GOPROXY uses "|", which go understands only from Go 1.15; ${version} reads it as part of a URL, so the whole setting is broken.`,
        zh: `GOPROXY 使用了 "|"，该分隔符从 Go 1.15 起才被支持；${version} 会把它当作 URL 的一部分，整个设置因此失效。`,
      },
      fix: { automatic: false, en: 'Upgrade go to 1.15 or newer (any supported release), or use "," separators.', zh: '将 go 升级到 1.15 或更新版本（任一受支持的版本），或改用 "," 分隔符。' },
    });
  }
  const goauth = s.effective.GOAUTH;
  const goauthSet = goauth.source === 'os-env' || goauth.source === 'env-file';
  if ((goauthSet || s.usesCredentials) && goOlderThan(version, 24)) {
    findings.push({
      id: 'go-too-old',
      severity: 'warning',
      variable: 'GOAUTH',
      evidence: [{ kind: 'go-version', version }, ...(goauthSet ? [{ kind: 'variable' as const, variable: 'GOAUTH', value: goauth.value, source: goauth.source }] : [])],
      explanation: {
        en: `${version} ignores GOAUTH (it exists from Go 1.24), so credentials kept in the keychain never reach go; it only reads ~/.netrc.`,
        zh: `${version} 会忽略 GOAUTH（Go 1.24 起才有），因此存放在钥匙串中的凭据无法传给 go；它只读取 ~/.netrc。`,
      },
      fix: { automatic: false, en: 'Upgrade go to 1.24 or newer, or opt in to managed ~/.netrc entries with `goproxyctl auth`.', zh: '将 go 升级到 1.24 或更新版本，或通过 `goproxyctl auth` 选择使用受管理的 ~/.netrc 条目。' },
    });
  }
  return findings;
}

export function netrcPermissions(s: DoctorSnapshot): Finding[] {
  if (s.netrc === null || s.platform === 'win32' || (s.netrc.mode & 0o077) === 0) return [];
  const mode = (s.netrc.mode & 0o777).toString(8).padStart(4, '0');
  return [{
    id: 'netrc-permissions',
    severity: 'warning',
    evidence: [{ kind: 'file-mode', file: s.netrc.path, mode }],
    explanation: {
      en: `${s.netrc.path} holds passwords but other users can access it (mode ${mode}). go does not check this, so nothing warns you.`,
      zh: `${s.netrc.path} 保存着密码，但其他用户可以访问它（权限 ${mode}）。go 不会检查这一点，因此没有任何提示。`,
    },
    fix: { automatic: false, en: `Run \`chmod 600 ${s.netrc.path}\`.`, zh: `运行 \`chmod 600 ${s.netrc.path}\`。` },
  }];
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

export function httpsProxyInUse(s: DoctorSnapshot): Finding[] {
  const set = PROXY_VARS.filter((n) => (s.proxyEnv[n] ?? '') !== '' && !/no_proxy/i.test(n));
  if (set.length === 0) return [];
  const evidence: Evidence[] = PROXY_VARS.filter((n) => (s.proxyEnv[n] ?? '') !== '').map((n) => ({ kind: 'process-env', variable: n, value: redactCredentials(s.proxyEnv[n]!) }));
  return [{
    id: 'https-proxy-in-use',
    severity: 'info',
    evidence,
    explanation: {
      en: `${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set, so go sends its module-proxy and checksum-database requests through that HTTP proxy (except for hosts in NO_PROXY and loopback addresses). Slow or failing downloads may come from the proxy rather than the module proxy.`,
      zh: `已设置 ${set.join(' 和 ')}，因此 go 会通过该 HTTP 代理发送模块代理和校验和数据库请求（NO_PROXY 中的主机和回环地址除外）。下载缓慢或失败可能源于该代理，而不是模块代理。`,
    },
  }];
}
