// The launcher: a small file that runs goproxyctl's CLI with the app's own binary. Electron's
// binary starts the tray app unless ELECTRON_RUN_AS_NODE=1 is set, in which case it is a plain
// Node that can also read the app's asar archive; so the launcher sets that variable and passes
// the bundled CLI entry (bin/goproxyctl.js) first, as VS Code's `code` script does. Nothing on
// the machine then needs a separate Node: not the user's shell, not go running the GOAUTH helper
// (go runs a GOAUTH command without letting us set variables, hence a file and not a command line).
//
// The app keeps its own copy of the launcher (`ensureLauncher`), rewritten when the app moved or
// was updated; "Install command-line tool" links it into a directory on PATH (install.ts).
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** How to run the CLI: the binary (Electron's, or node in headless mode) and the CLI entry script. */
export interface CliRuntime {
  execPath: string;
  script: string;
}

/** The first line after the interpreter line of every launcher we write: how we recognise our own. */
export const LAUNCHER_MARK = 'goproxyctl launcher, written by GoProxy Control';

/** Set by the launcher to its own path, so a CLI it started can hand it on (GOAUTH, autostart). */
export const LAUNCHER_ENV = 'GOPROXYCTL_LAUNCHER';

export function launcherFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'goproxyctl.cmd' : 'goproxyctl';
}

/** A POSIX shell word for any string: single quotes, with each ' written as '\''. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A cmd.exe argument: double quotes (Windows paths cannot contain them) and % doubled, since
 * cmd expands %NAME% even inside quotes in a batch file.
 */
function cmdQuote(value: string): string {
  if (/["\r\n]/.test(value)) throw new Error(`a launcher cannot run a path containing a quote or a line break: ${value}`);
  return `"${value.replace(/%/g, '%%')}"`;
}

/** The launcher's text for `self` (where the file will be) running `runtime`. */
export function launcherText(runtime: CliRuntime, self: string, platform: NodeJS.Platform): string {
  for (const value of [runtime.execPath, runtime.script, self]) {
    if (/[\r\n\0]/.test(value)) throw new Error(`a launcher cannot run a path containing a line break: ${JSON.stringify(value)}`);
  }
  if (platform === 'win32') {
    return [
      '@echo off',
      `rem ${LAUNCHER_MARK}: runs the command-line tool with the app's own binary.`,
      'setlocal',
      'set ELECTRON_RUN_AS_NODE=1',
      `set ${LAUNCHER_ENV}=${self.replace(/%/g, '%%')}`,
      `${cmdQuote(runtime.execPath)} ${cmdQuote(runtime.script)} %*`,
      'exit /b %ERRORLEVEL%',
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    `# ${LAUNCHER_MARK}: runs the command-line tool with the app's own binary.`,
    'ELECTRON_RUN_AS_NODE=1',
    `${LAUNCHER_ENV}=${shellQuote(self)}`,
    `export ELECTRON_RUN_AS_NODE ${LAUNCHER_ENV}`,
    `exec ${shellQuote(runtime.execPath)} ${shellQuote(runtime.script)} "$@"`,
    '',
  ].join('\n');
}

/** Whether a file's text is a launcher we wrote (any version, any target). */
export function isOurLauncher(text: string): boolean {
  return text.split(/\r?\n/, 3).some((line) => line.includes(LAUNCHER_MARK));
}

/** Writes the launcher at `file` unless it already says exactly that; returns whether it changed. */
export async function ensureLauncher(runtime: CliRuntime, file: string, platform: NodeJS.Platform): Promise<boolean> {
  const text = launcherText(runtime, file, platform);
  const current = await readFile(file, 'utf8').catch(() => null);
  if (current === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text, { mode: 0o755 });
  // write-file-atomic keeps an existing file's mode; a launcher must be executable whatever it was.
  if (platform !== 'win32') await chmod(file, 0o755);
  return true;
}
