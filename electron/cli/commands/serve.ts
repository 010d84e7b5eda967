// `goproxyctl serve`: headless mode. The engine and the built dashboard on a loopback port, for
// machines without Electron (servers, WSL, CI) and for end-to-end tests in a real browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessServer } from '../../core/headless/server.js';
import { BUNDLED_CLI_ENTRY } from '../../core/cli-install/index.js';
import { createService } from '../../core/service/service.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../command.js';
import { cliWords as words } from '../lang.js';
import { msg } from '../../../shared/i18n/message.js';


// dist/electron/cli/commands/serve.js → dist/ui (vite's output; see vite.config.ts).
const BUILT_UI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'ui');

export const command: CliCommand = {
  name: 'serve',
  summary: 'cli.serve.summary',
  usage: {
    lines: ['goproxyctl serve [options]'],
    about: 'cli.serve.about',
    options: {
      port: { value: 'N', text: 'cli.serve.option.port' },
      open: { text: 'cli.serve.option.open' },
      'no-open': { text: 'cli.serve.option.no-open' },
    },
    examples: ['goproxyctl serve --no-open', 'goproxyctl serve --port 8080 --json'],
    exits: [
      [0, 'cli.serve.exit.ok'],
      [1, 'cli.serve.exit.failed'],
    ],
  },
  options: { port: { type: 'string' }, open: { type: 'boolean' }, 'no-open': { type: 'boolean' } },
  async run(args, io) {
    const port = parsePort(args.values.port);
    if (args.values.open && args.values['no-open']) throw new UsageError(msg('ops.serve.open-twice'));
    const open = args.values.open === true || (args.values['no-open'] !== true && io.isTTY && hasDesktop(io.env));
    const staticRoot = builtUi(io);
    // "Install command-line tool" in the dashboard links a launcher that runs this same node and CLI.
    const service = createService({ env: io.env, cliTool: { runtime: { execPath: process.execPath, script: BUNDLED_CLI_ENTRY } } });
    const server = await startHeadlessServer({ service, staticRoot, port });
    if (args.values.json) io.stdout.write(JSON.stringify({ url: server.url, origin: server.origin, port: server.port }) + '\n');
    else io.stdout.write(words(io, 'ops.serve.listening', { url: server.url }) + '\n');
    if (open) openInBrowser(server.url, io);
    // Read the configuration once so the first page load already shows it.
    void service.dispatch('refreshConfig', {});
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    service.close();
    return EXIT.ok;
  },
};

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(msg('ops.serve.bad-port'));
  return port;
}

function builtUi(io: CliIo): string | null {
  const dir = io.env.GOPROXYCTL_UI_DIR ? path.resolve(io.cwd, io.env.GOPROXYCTL_UI_DIR) : BUILT_UI;
  if (existsSync(path.join(dir, 'index.html'))) return dir;
  io.stderr.write(words(io, 'ops.serve.not-built', { file: path.join(dir, 'index.html') }) + '\n');
  return null;
}

function hasDesktop(env: NodeJS.ProcessEnv): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openInBrowser(url: string, io: CliIo): void {
  const [bin, ...args] = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['explorer.exe', url] : ['xdg-open', url];
  const child = spawn(bin, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr.write(words(io, 'ops.serve.no-opener', { bin }) + '\n'));
  child.unref();
}
