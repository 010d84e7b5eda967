// Does a new terminal really get the values goproxyctl wrote? Starts each shell the way a terminal
// does (reading its startup files, with none of the Go variables inherited) and compares its
// environment with what the env script sets. This is the real outcome of an rc edit: a managed
// block that does not run (a CR in its line, a syntax error earlier in the file, an `exit`) shows
// up here and nowhere else.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { findOnPath } from '../system/find-on-path.js';
import { shellEnvAfter, type TerminalShell } from './shell-env.js';

export interface TerminalDifference {
  variable: string;
  /** null: goproxyctl unsets it. */
  expected: string | null;
  /** null: not set in that shell. */
  actual: string | null;
}

export interface TerminalCheck {
  shell: TerminalShell;
  checked: boolean;
  /** Why it was not checked (shell not installed, startup files hung), in English; noteMessage for a person's language. */
  note: string | null;
  noteMessage: Message | null;
  differences: TerminalDifference[];
  /** What the shell printed on stderr while starting, trimmed (the first lines). */
  stderr: string;
}

export interface TerminalCheckOptions {
  /** bash's startup file (default ~/.bashrc, as bash itself reads it). */
  bashRc?: string | null;
  timeoutMs?: number;
}

export async function checkNewTerminals(shells: readonly TerminalShell[], expected: Readonly<Record<string, string | null>>, env: NodeJS.ProcessEnv, opts: TerminalCheckOptions = {}): Promise<TerminalCheck[]> {
  const results: TerminalCheck[] = [];
  for (const shell of shells) {
    const bin = findOnPath(shell, env);
    if (bin === null) {
      const noteMessage = msg('apply.verify.shell-missing', { shell });
      results.push({ shell, checked: false, note: render('en', noteMessage), noteMessage, differences: [], stderr: '' });
      continue;
    }
    const run = await shellEnvAfter(shell, bin, env, { ...(shell === 'bash' && opts.bashRc ? { rcFile: opts.bashRc } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
    // Whatever the startup files printed ends up in a report shown in a terminal: control
    // characters (escape sequences included) are shown escaped, never sent raw.
    const stderr = terminalSafeText(run.stderr.replace(/\r\n/g, '\n'))
      .split('\n')
      .filter((l) => l.trim() !== '' && !JOB_CONTROL_NOISE.test(l))
      .slice(0, 5)
      .join('\n');
    if (run.env === null) {
      results.push({ shell, checked: false, note: run.error, noteMessage: run.errorMessage, differences: [], stderr });
      continue;
    }
    const differences: TerminalDifference[] = [];
    for (const [variable, want] of Object.entries(expected)) {
      const actual = run.env[variable] ?? null;
      if (want === null ? actual !== null && actual !== '' : actual !== want) differences.push({ variable, expected: want, actual });
    }
    results.push({ shell, checked: true, note: null, noteMessage: null, differences, stderr });
  }
  return results;
}

/** One sentence per difference, for the user. */
export function describeTerminalChecks(checks: readonly TerminalCheck[]): string[] {
  const lines: string[] = [];
  for (const c of checks) {
    for (const d of c.differences) {
      const want = d.expected === null ? 'unset' : JSON.stringify(d.expected);
      const got = d.actual === null ? 'unset' : JSON.stringify(d.actual);
      lines.push(`a new ${c.shell} terminal gets ${d.variable} ${got} instead of ${want}${c.stderr ? ` (${c.shell} said: ${c.stderr.split('\n')[0]})` : ''}`);
    }
  }
  return lines;
}

/** What an interactive shell without a terminal says about job control: not the user's doing. */
const JOB_CONTROL_NOISE = /cannot set terminal process group|no job control in this shell|can't set tty pgrp|Inappropriate ioctl for device/;
