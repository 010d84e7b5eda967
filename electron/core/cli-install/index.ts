export { ensureLauncher, isOurLauncher, launcherFileName, launcherText, LAUNCHER_ENV, LAUNCHER_MARK, type CliRuntime } from './launcher.js';
export { CliInstallError, cliToolStatus, helperArgvFor, installCliTool, installedLink, installTarget, isOnPath, launcherPath, uninstallCliTool, type CliInstallHost } from './install.js';
export { BUNDLED_CLI_ENTRY, selfCommand } from './self-command.js';
