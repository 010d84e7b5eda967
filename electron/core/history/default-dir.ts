// Where the history lives by default: the app's data directory as each platform expects it
// (env-paths: $XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support on macOS,
// %LOCALAPPDATA% on Windows). Resolved on call, so a changed HOME/XDG_DATA_HOME is honoured.
import path from 'node:path';
import envPaths from 'env-paths';

export function defaultHistoryDir(): string {
  return path.join(envPaths('goproxyctl', { suffix: '' }).data, 'history');
}
