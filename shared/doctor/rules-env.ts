// Rules about where settings come from and the environment go runs in: shadowing, GOENV,
// GO111MODULE, toolchain age, netrc permissions, HTTP proxies.
import { redactCredentials } from '../go/redact.js';
import type { GoProxyVar } from '../go/effective.js';
import { whyNotMovableMessage, type RcAssignment } from './rc-scan.js';
import type { DoctorSnapshot, Evidence, FindingDraft } from './types.js';
import { goOlderThan } from '../go/version.js';
import { msg, type Message } from '../i18n/message.js';
import { joinMessages, joinToMessage } from './join.js';

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

/** "file:line (why)" for each line `doctor --fix` leaves alone. */
export function leftAloneLines(lines: readonly RcAssignment[]): Message[] {
  return lines.flatMap((l) => {
    const why = whyNotMovableMessage(l);
    return why ? [msg('ops.doctor.left-alone', { place: placeOf(l), why })] : [];
  });
}

/** "file:line" of an rc line. */
export function placeOf(l: Pick<RcAssignment, 'file' | 'line'>): Message {
  return msg('ops.doctor.place', { file: l.file, line: l.line });
}

/** "a, b, c" of rc lines (file:line each). */
function placesOf(lines: readonly RcAssignment[]): Message {
  return joinToMessage(lines.map(placeOf), 'ops.doctor.list');
}

export function shadowedByOsEnv(s: DoctorSnapshot): FindingDraft[] {
  const findings: FindingDraft[] = [];
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
    const where = lines.length > 0 ? placesOf(lines) : null;
    const profile = s.activeProfile && PROFILE_MANAGED_VARS.includes(name) ? s.activeProfile : null;
    const plan = shadowFixPlan(lines, profile !== null, s.blockFiles ?? []);
    const automatic = plan !== null;
    const leftAlone = leftAloneLines(shown);
    const outrunFiles = [...new Set(plan?.outrun.map((l) => l.file) ?? [])].join(', ');
    findings.push({
      id: 'shadowed-by-os-env',
      severity: fileShadow ? 'error' : 'warning',
      variable: name,
      evidence,
      explanation: msg('ops.doctor.shadowed.explanation', {
        variable: name,
        where: where ? msg('ops.doctor.shadowed.by', { lines: where }) : msg('ops.doctor.shadowed.this-process'),
        effect: msg(fileShadow ? 'ops.doctor.shadowed.effect-now' : 'ops.doctor.shadowed.effect-terminals'),
      }),
      fix: { automatic, text: shadowFix(name, lines, plan, profile, outrunFiles, leftAlone) },
    });
  }
  return findings;
}

/** How to fix a shadowing variable: by `doctor --fix` (with or without an active profile), or by hand. */
function shadowFix(name: string, lines: readonly RcAssignment[], plan: ShadowFixPlan | null, profile: string | null, outrunFiles: string, leftAlone: readonly Message[]): Message {
  if (plan !== null && profile !== null) {
    return msg('ops.doctor.shadowed.fix-profile', {
      comments: plan.comment.length > 0 ? msg('ops.doctor.shadowed.comments-out', { lines: placesOf(plan.comment) }) : msg('ops.doctor.shadowed.comments-nothing'),
      outrun: plan.outrun.length > 0 ? msg('ops.doctor.shadowed.outrun', { files: outrunFiles, lines: placesOf(plan.outrun) }) : '',
      profile,
    });
  }
  if (plan !== null) return msg('ops.doctor.shadowed.fix-move', { lines: placesOf(lines) });
  if (lines.length > 0) {
    return msg('ops.doctor.shadowed.fix-by-hand', {
      lines: placesOf(lines),
      left: leftAlone.length > 0 ? joinToMessage(leftAlone, 'ops.doctor.list') : msg('ops.doctor.shadowed.values-disagree'),
    });
  }
  return msg('ops.doctor.shadowed.fix-session', { variable: name });
}

export function goenvOff(s: DoctorSnapshot): FindingDraft[] {
  if (s.effective.GOENV.value !== 'off') return [];
  return [{
    id: 'goenv-off',
    severity: 'warning',
    variable: 'GOENV',
    evidence: [{ kind: 'process-env', variable: 'GOENV', value: 'off' }],
    explanation: msg('ops.doctor.goenv-off.explanation'),
    fix: { automatic: false, text: msg('ops.doctor.goenv-off.fix') },
  }];
}

export function gomoduleOff(s: DoctorSnapshot): FindingDraft[] {
  const v = s.effective.GO111MODULE;
  if (v.value !== 'off') return [];
  return [gomoduleOffFinding({ kind: 'variable', variable: 'GO111MODULE', value: 'off', source: v.source, ...(v.path ? { path: v.path } : {}) })];
}

/** GO111MODULE=off, wherever it was found. */
export function gomoduleOffFinding(ev: Evidence): FindingDraft {
  return {
    id: 'gomodule-off',
    severity: 'error',
    variable: 'GO111MODULE',
    evidence: [ev],
    explanation: msg('ops.doctor.gomodule-off.explanation'),
    fix: { automatic: false, text: msg('ops.doctor.gomodule-off.fix') },
  };
}

export function goTooOld(s: DoctorSnapshot): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const version = s.goVersion;
  if (version === null) return findings;
  const goproxy = s.effective.GOPROXY.value;
  if (goproxy.includes('|') && goOlderThan(version, 15)) {
    findings.push({
      id: 'go-too-old',
      severity: 'error',
      variable: 'GOPROXY',
      evidence: [{ kind: 'go-version', version }, { kind: 'variable', variable: 'GOPROXY', value: redactCredentials(goproxy), source: s.effective.GOPROXY.source }],
      explanation: msg('ops.doctor.go-too-old.pipe', { version }),
      fix: { automatic: false, text: msg('ops.doctor.go-too-old.pipe-fix') },
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
      explanation: msg('ops.doctor.go-too-old.goauth', { version }),
      fix: { automatic: false, text: msg('ops.doctor.go-too-old.goauth-fix') },
    });
  }
  return findings;
}

export function netrcPermissions(s: DoctorSnapshot): FindingDraft[] {
  if (s.netrc === null || s.platform === 'win32' || (s.netrc.mode & 0o077) === 0) return [];
  const mode = (s.netrc.mode & 0o777).toString(8).padStart(4, '0');
  return [{
    id: 'netrc-permissions',
    severity: 'warning',
    evidence: [{ kind: 'file-mode', file: s.netrc.path, mode }],
    explanation: msg('ops.doctor.netrc.explanation', { file: s.netrc.path, mode }),
    fix: { automatic: false, text: msg('ops.doctor.netrc.fix', { file: s.netrc.path }) },
  }];
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

export function httpsProxyInUse(s: DoctorSnapshot): FindingDraft[] {
  const set = PROXY_VARS.filter((n) => (s.proxyEnv[n] ?? '') !== '' && !/no_proxy/i.test(n));
  if (set.length === 0) return [];
  const evidence: Evidence[] = PROXY_VARS.filter((n) => (s.proxyEnv[n] ?? '') !== '').map((n) => ({ kind: 'process-env', variable: n, value: redactCredentials(s.proxyEnv[n]!) }));
  return [{
    id: 'https-proxy-in-use',
    severity: 'info',
    evidence,
    explanation: msg(set.length > 1 ? 'ops.doctor.https-proxy.many' : 'ops.doctor.https-proxy.one', { vars: joinMessages(set, 'ops.doctor.and') }),
  }];
}
