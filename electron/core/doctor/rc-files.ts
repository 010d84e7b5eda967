// The shell startup files the doctor scans for Go variables, per shell and syntax. Covers more
// files than the apply engine writes (login files, zshenv, every fish conf.d file), because a
// setting anywhere in them reaches go.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RcSyntax } from '../../../shared/doctor/rc-scan.js';
import { homeDir, type ProductDirs } from '../apply/product-dirs.js';
import { shellTarget, type ShellName } from '../apply/shells.js';
import type { ShDialect } from './rc-parse.js';

export interface RcFile {
  file: string;
  syntax: RcSyntax;
  /** The shell whose managed block takes over a setting moved out of this file. */
  shell: ShellName;
  /** For sh syntax: the shell that reads the file, whose grammar it is parsed with. */
  dialect?: ShDialect;
}

export async function rcFilesToScan(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs): Promise<RcFile[]> {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const home = homeDir(env, platform);
  const zdot = env.ZDOTDIR || home;
  const xdg = env.XDG_CONFIG_HOME || p.join(home, '.config');
  const files: RcFile[] = [
    ...['.bashrc', '.bash_profile', '.bash_login', '.profile'].map((f) => ({ file: p.join(home, f), syntax: 'sh' as const, shell: 'bash' as const, dialect: 'bash' as const })),
    ...['.zshenv', '.zprofile', '.zshrc', '.zlogin'].map((f) => ({ file: p.join(zdot, f), syntax: 'sh' as const, shell: 'zsh' as const, dialect: 'zsh' as const })),
    { file: p.join(xdg, 'fish', 'config.fish'), syntax: 'fish', shell: 'fish' },
  ];
  const confD = p.join(xdg, 'fish', 'conf.d');
  const owned = shellTarget('fish', env, platform, dirs).startupFiles;
  const entries = await readdir(confD).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    const file = p.join(confD, name);
    if (name.endsWith('.fish') && !owned.includes(file)) files.push({ file, syntax: 'fish', shell: 'fish' });
  }
  for (const file of shellTarget('pwsh', env, platform, dirs).startupFiles) files.push({ file, syntax: 'pwsh', shell: 'pwsh' });
  files.push({ file: p.join(p.dirname(shellTarget('pwsh', env, platform, dirs).startupFiles[0]!), 'profile.ps1'), syntax: 'pwsh', shell: 'pwsh' });
  return files;
}
