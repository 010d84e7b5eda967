// Runs a list of `goproxyctl` invocations inside one keychain session (the parent starts this file
// under scripts/with-keyring.sh), each with its own stdin, and prints their results as one JSON
// line. The steps (secrets included, as stdin of a step) arrive as JSON on this process's stdin,
// never in argv. Without the --run flag it does nothing: the test runner may load every .js file.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { withKeyringScript } from '../secrets/run-child.js';

export interface CliStep {
  args: string[];
  stdin?: string;
  env?: Record<string, string>;
  /**
   * Run on a terminal (util-linux `script` gives the CLI a pty) and type `stdin` only once this
   * text has appeared: the no-echo prompt has then switched the terminal to raw mode.
   */
  typeAfter?: string;
}

export interface CliStepResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the steps inside a fresh keyring session (this file under with-keyring.sh); steps and secrets go in on stdin. */
export async function runStepsInKeyring(steps: CliStep[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CliStepResult[]> {
  const r = await runCommand('bash', [withKeyringScript, process.execPath, fileURLToPath(import.meta.url), '--run'], { env, input: JSON.stringify(steps), timeoutMs });
  if (r.code !== 0) throw new Error(`with-keyring run exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliStepResult[];
}

const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function runStep(step: CliStep): Promise<CliStepResult> {
  const argv = [process.execPath, cliPath, ...step.args];
  const [cmd, args] = step.typeAfter === undefined ? [argv[0]!, argv.slice(1)] : ['script', ['-qec', argv.map(shQuote).join(' '), '/dev/null']];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...step.env }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      if (step.typeAfter !== undefined && !typed && stdout.includes(step.typeAfter)) {
        typed = true;
        child.stdin.write(`${step.stdin ?? ''}\r`);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ args: step.args, code, stdout, stderr }));
    if (step.typeAfter === undefined) child.stdin.end(step.stdin ?? '');
  });
}

if (process.argv[2] === '--run') {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const steps = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CliStep[];
  const results: CliStepResult[] = [];
  for (const step of steps) results.push(await runStep(step));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
