// `doctor --fix` for shadowed-by-os-env: each rc line that sets a Go variable is commented out
// with a marker, and its value moves to where goproxyctl manages it: the product's env script
// (which the managed block in the startup file sources) and the go env file, so new terminals and
// `go env` agree. Everything is one apply-engine transaction: backed up, atomic, undoable with
// `goproxyctl undo`.
import { readFile } from 'node:fs/promises';
import { scanRcText, type RcSyntax } from '../../../shared/doctor/rc-scan.js';
import { shadowLinesFixable } from '../../../shared/doctor/rules-env.js';
import type { Finding } from '../../../shared/doctor/types.js';
import { applyFiles, type FileChange } from '../apply/apply-files.js';
import type { ApplyRecord } from '../apply/apply-journal.js';
import { renderEnvFish, renderEnvPs1, renderEnvSh } from '../apply/env-scripts.js';
import { GoEnvError, planGoEnv } from '../apply/go-env-write.js';
import { writeManagedBlock } from '../apply/managed-block.js';
import { productDirs, type ProductDirs } from '../apply/product-dirs.js';
import { isMissing } from '../apply/resolve-link.js';
import { managedBlockFor, SHELLS, shellTarget, type ShellName } from '../apply/shells.js';
import type { Gathered } from './gather.js';

export const MOVED_MARKER = '# [goproxyctl: moved into the managed block; `goproxyctl undo` restores this line] ';

export interface FixOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  dirs?: ProductDirs;
  goBinary?: string | null;
}

export interface FixResult {
  /** The variables moved, with their values. */
  moved: Record<string, string>;
  /** "file:line" of every line commented out. */
  commented: string[];
  /** Findings of the fixable kind that need a hand fix, with why. */
  skipped: string[];
  warnings: string[];
  record: ApplyRecord | null;
}

/** Comments out the given 1-based lines by prefixing the marker; every other byte is kept. */
export function commentOutLines(bytes: Buffer, lines: readonly number[]): Buffer {
  const wanted = new Set(lines);
  const parts: Buffer[] = [];
  let start = 0;
  let lineNo = 1;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const contentStart = lineNo === 1 && hasBom ? 3 : start;
    if (wanted.has(lineNo)) parts.push(bytes.subarray(start, contentStart), Buffer.from(MOVED_MARKER), bytes.subarray(contentStart, end));
    else parts.push(bytes.subarray(start, end));
    start = end;
    lineNo++;
  }
  return Buffer.concat(parts);
}

export async function fixShadowedByOsEnv(findings: readonly Finding[], gathered: Gathered, opts: FixOptions): Promise<FixResult> {
  const platform = opts.platform ?? process.platform;
  const dirs = opts.dirs ?? productDirs(opts.env, platform);
  const result: FixResult = { moved: {}, commented: [], skipped: [], warnings: [], record: null };
  const byFile = new Map<string, number[]>();
  const shells = new Set<ShellName>();
  for (const f of findings.filter((x) => x.id === 'shadowed-by-os-env' && x.variable)) {
    const lines = gathered.snapshot.rcAssignments.filter((a) => a.variable === f.variable && a.action === 'set' && !a.inManagedBlock);
    if (!shadowLinesFixable(lines)) {
      result.skipped.push(`${f.variable}: ${f.fix?.en ?? 'needs a fix by hand'}`);
      continue;
    }
    result.moved[f.variable!] = lines[0]!.value!;
    for (const l of lines) {
      byFile.set(l.file, [...(byFile.get(l.file) ?? []), l.line]);
      result.commented.push(`${l.file}:${l.line}`);
      const rc = gathered.rcFiles.find((r) => r.file === l.file);
      if (rc) shells.add(rc.shell);
    }
  }
  if (Object.keys(result.moved).length === 0) return result;

  const changes = new Map<string, FileChange>();
  const current = async (file: string): Promise<Buffer> => {
    const pending = changes.get(file)?.after;
    if (pending) return Buffer.from(pending);
    return readFile(file).catch((err: unknown) => {
      if (isMissing(err)) return Buffer.alloc(0);
      throw err;
    });
  };
  for (const [file, lines] of byFile) changes.set(file, { path: file, after: commentOutLines(await current(file), lines), role: 'startup-file:doctor-fix' });

  // The managed block (or fish's own conf.d file) in each affected shell, so the env script is loaded.
  for (const shell of shells) {
    const target = shellTarget(shell, opts.env, platform, dirs);
    for (const file of target.startupFiles) {
      const after = target.ownsStartupFile ? Buffer.from(target.loader.join('\n') + '\n') : writeManagedBlock(await current(file), managedBlockFor(target, platform));
      changes.set(file, { path: file, after, role: `startup-file:${shell}` });
    }
  }

  // Every env script that exists or is now loaded gets the moved values, keeping what it already sets.
  const scripts = new Map<string, { kind: 'sh' | 'fish' | 'ps1'; needed: boolean }>();
  for (const shell of SHELLS) {
    const t = shellTarget(shell, opts.env, platform, dirs);
    const prev = scripts.get(t.envScript);
    scripts.set(t.envScript, { kind: t.envScriptKind, needed: (prev?.needed ?? false) || shells.has(shell) });
  }
  for (const [file, { kind, needed }] of scripts) {
    const before = await readFile(file, 'utf8').catch(() => null);
    if (before === null && !needed) continue;
    const vars: Record<string, string | null> = {};
    const syntax: RcSyntax = kind === 'sh' ? 'sh' : kind === 'fish' ? 'fish' : 'pwsh';
    for (const a of scanRcText(before ?? '', file, syntax, Object.keys(result.moved).concat(otherVars(before ?? '')))) vars[a.variable] = a.action === 'unset' ? null : a.value;
    Object.assign(vars, result.moved);
    const text = kind === 'sh' ? renderEnvSh(vars) : kind === 'fish' ? renderEnvFish(vars) : renderEnvPs1(vars);
    changes.set(file, { path: file, after: Buffer.from(text, 'utf8'), role: 'env-script' });
  }

  try {
    const goEnv = await planGoEnv(result.moved, { env: opts.env, platform, ...(opts.goBinary !== undefined ? { goBinary: opts.goBinary } : {}) });
    result.warnings.push(...goEnv.warnings);
    if (goEnv.location.path !== null && goEnv.after !== null) changes.set(goEnv.location.path, { path: goEnv.location.path, after: goEnv.after, role: 'go-env' });
  } catch (err) {
    if (!(err instanceof GoEnvError)) throw err;
    result.warnings.push(`the go env file was not updated: ${err.message}`);
  }

  result.record = await applyFiles([...changes.values()], { label: `doctor --fix shadowed-by-os-env (${Object.keys(result.moved).join(', ')})`, dirs });
  return result;
}

/** Names our env scripts set, so rewriting one keeps variables this fix does not touch. */
function otherVars(script: string): string[] {
  const names = new Set<string>();
  for (const m of script.matchAll(/^(?:export|unset|set -gx|set -e|\$env:|Remove-Item -LiteralPath Env:)\s*([A-Za-z_]\w*)/gm)) names.add(m[1]!);
  return [...names];
}
