// The real CommandRunner for the apply engine's Windows user-environment writes (reg.exe,
// powershell.exe): argv entries passed as they are, no shell. The engine's code path is tested
// with a fake runner (test/integration/apply/windows-user-env.test.ts); this is the production one.
import { execFile } from 'node:child_process';
import type { CommandRunner } from '../apply/index.js';

export const execFileRunner: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { windowsHide: true, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || (err && code === 1 ? err.message : '')) });
    });
  });
