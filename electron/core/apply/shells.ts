// Which files each shell reads at startup, which product-owned script it should source, and the
// lines of the managed block that do it. Pure: paths come from the env and platform given.
import path from 'node:path';
import { fishQuote, pwshQuote, shQuote } from './env-scripts.js';
import type { ManagedBlock } from './managed-block.js';
import { homeDir, type ProductDirs } from './product-dirs.js';

export const SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export type ShellName = (typeof SHELLS)[number];

export interface ShellTarget {
  shell: ShellName;
  /**
   * The startup files that get the managed block (bash on macOS: ~/.bashrc and ~/.bash_profile,
   * since Terminal starts login shells, which read only the latter). For fish this is the conf.d
   * file, owned by goproxyctl entirely: `ownsStartupFile` is then true and no block is needed.
   */
  startupFiles: string[];
  ownsStartupFile: boolean;
  /** The product-owned script with the variables, rewritten on every apply. */
  envScript: string;
  envScriptKind: 'sh' | 'fish' | 'ps1';
  /** The lines that load envScript (the block's body, or the whole owned startup file). */
  loader: string[];
  /** Files whose existence means the user uses this shell (for the default selection). */
  evidence: string[];
}

export function shellTarget(shell: ShellName, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs): ShellTarget {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const home = homeDir(env, platform);
  const xdgConfig = env.XDG_CONFIG_HOME || p.join(home, '.config');
  switch (shell) {
    case 'bash': {
      const files = [p.join(home, '.bashrc')];
      if (platform === 'darwin') files.push(p.join(home, '.bash_profile'));
      const script = p.join(dirs.config, 'env.sh');
      return { shell, startupFiles: files, ownsStartupFile: false, envScript: script, envScriptKind: 'sh', loader: shLoader(script, home, p), evidence: files };
    }
    case 'zsh': {
      const rc = p.join(env.ZDOTDIR || home, '.zshrc');
      const script = p.join(dirs.config, 'env.sh');
      return { shell, startupFiles: [rc], ownsStartupFile: false, envScript: script, envScriptKind: 'sh', loader: shLoader(script, home, p), evidence: [rc] };
    }
    case 'fish': {
      // fish reads every file in conf.d at startup, so we add our own file instead of editing config.fish.
      const fishDir = p.join(xdgConfig, 'fish');
      const script = p.join(dirs.config, 'env.fish');
      return {
        shell,
        startupFiles: [p.join(fishDir, 'conf.d', 'goproxyctl.fish')],
        ownsStartupFile: true,
        envScript: script,
        envScriptKind: 'fish',
        loader: ['# Written by goproxyctl: loads the Go proxy settings of the active profile.', `test -f ${fishQuote(script)}; and source ${fishQuote(script)}`],
        evidence: [p.join(fishDir, 'config.fish'), p.join(fishDir, 'conf.d')],
      };
    }
    case 'pwsh': {
      // $PROFILE (CurrentUserCurrentHost) of PowerShell 7. On Windows the Documents folder may be
      // redirected (OneDrive); we use the default location under the user profile.
      const profile =
        platform === 'win32'
          ? p.join(home, 'Documents', 'PowerShell', 'Microsoft.PowerShell_profile.ps1')
          : p.join(xdgConfig, 'powershell', 'Microsoft.PowerShell_profile.ps1');
      const script = p.join(dirs.config, 'env.ps1');
      const q = pwshQuote(script);
      return {
        shell,
        startupFiles: [profile],
        ownsStartupFile: false,
        envScript: script,
        envScriptKind: 'ps1',
        loader: [`if (Test-Path -LiteralPath ${q}) { . ${q} }`],
        evidence: [profile],
      };
    }
  }
}

/**
 * The block that goes into a startup file the user owns. bash and zsh read a CR before the line
 * feed as part of the last word (`. env.sh\r` finds no file), so their block is LF-only even in a
 * CRLF file; PowerShell treats CR as whitespace and gets the file's own line ending.
 */
export function managedBlockFor(target: ShellTarget, platform: NodeJS.Platform): ManagedBlock {
  return { comment: '#', lines: target.loader, newline: platform === 'win32' ? '\r\n' : '\n', lfOnly: target.shell === 'bash' || target.shell === 'zsh' };
}

/** The login shell (from $SHELL) plus every shell whose startup files exist. */
export function defaultShells(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs, exists: (file: string) => boolean): ShellName[] {
  const login = loginShell(env);
  return SHELLS.filter((shell) => shell === login || shellTarget(shell, env, platform, dirs).evidence.some(exists));
}

export function loginShell(env: NodeJS.ProcessEnv): ShellName | null {
  const base = path.basename(env.SHELL ?? '').replace(/\.exe$/i, '');
  if (base === 'pwsh' || base === 'powershell') return 'pwsh';
  return (SHELLS as readonly string[]).includes(base) ? (base as ShellName) : null;
}

/**
 * `[ -f FILE ] && . FILE`, with FILE written as "$HOME/..." when it lies under HOME, so an rc file
 * kept in a dotfile repository works on machines with a different home directory.
 */
function shLoader(script: string, home: string, p: path.PlatformPath): string[] {
  const rel = p.relative(home, script);
  const underHome = rel && !rel.startsWith('..') && !p.isAbsolute(rel) && /^[A-Za-z0-9._/-]+$/.test(rel);
  const file = underHome ? `"$HOME/${rel}"` : shQuote(script);
  return ['# Added by goproxyctl: loads the Go proxy settings of the active profile.', `[ -f ${file} ] && . ${file}`];
}
