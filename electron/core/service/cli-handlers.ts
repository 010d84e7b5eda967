// The command-line tool on PATH (electron/core/cli-install): its status, install and uninstall.
// The desktop app passes how to run the CLI with its own binary; `goproxyctl serve` passes node
// and its script. Without that (a test's service, an AppImage) the view says why it is unavailable.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import type { CliToolView } from '../../../shared/contract/responses.js';
import type { CommandRunner } from '../apply/windows-user-env.js';
import { cliToolStatus, ensureLauncher, installCliTool, launcherPath, uninstallCliTool, type CliRuntime } from '../cli-install/index.js';
import type { CommandContext, HandlerGroup, ServiceContext } from './context.js';

/** How this front end runs the CLI, or why it cannot offer to install it. */
export type CliToolSource = { runtime: CliRuntime } | { unavailable: 'appimage' | 'no-runtime' };

export interface CliToolDeps {
  source: CliToolSource;
  platform: NodeJS.Platform;
  runner: CommandRunner;
}

type CliHandlers = Pick<CommandHandlers<CommandContext>, 'cliToolStatus' | 'installCliTool' | 'uninstallCliTool'>;

export function createCliHandlers(ctx: Pick<ServiceContext, 'env' | 'dirs'>, deps: CliToolDeps): HandlerGroup<CliHandlers, { start(): Promise<void> }> {
  const host = { env: ctx.env, platform: deps.platform, dirs: ctx.dirs, runner: deps.runner };
  const launcher = launcherPath(ctx.dirs, deps.platform);
  const runtime = 'runtime' in deps.source ? deps.source.runtime : null;
  let launcherProblem: string | null = null;

  const status = async (): Promise<CliToolView> => ({
    available: runtime !== null,
    unavailable: 'unavailable' in deps.source ? deps.source.unavailable : null,
    ...(await cliToolStatus(host, launcher)),
    launcher: runtime === null ? null : launcher,
    launcherProblem,
  });
  const requireRuntime = (): CliRuntime => {
    if (runtime !== null) return runtime;
    throw new ContractError(
      'failed',
      'unavailable' in deps.source && deps.source.unavailable === 'appimage'
        ? 'the command-line tool cannot be installed from an AppImage, whose files move on every start: install the .deb package, whose command-line tool runs on the installed app'
        : 'this front end cannot install the command-line tool: use "Install command-line tool" in the desktop app, or `goproxyctl serve`',
    );
  };

  return {
    handlers: {
      cliToolStatus: () => status(),
      async installCliTool() {
        const current = requireRuntime();
        await ensureLauncher(current, launcher, deps.platform);
        launcherProblem = null;
        // A CliInstallError's sentence reaches the user as the command's error (service.dispatch).
        await installCliTool(host, launcher);
        return status();
      },
      async uninstallCliTool() {
        await uninstallCliTool(host, launcher);
        return status();
      },
    },
    lifecycle: {
      // The launcher is also the GOAUTH helper: keep it pointing at this binary (the app may have moved or been updated).
      // A failure is kept for the status view rather than thrown: it must not keep the rest of the service from starting.
      async start() {
        if (runtime === null) return;
        try {
          await ensureLauncher(runtime, launcher, deps.platform);
          launcherProblem = null;
        } catch (err) {
          launcherProblem = `could not write ${launcher}: ${(err as Error).message}`;
        }
      },
    },
  };
}
