// Strings of the Settings view's "Command-line tool" panel (renderer/views/CliToolPanel.tsx), in
// English and Simplified Chinese; a key missing in Chinese is a compile error.
import type { Locale } from './i18n.js';

const en = {
  'cli.heading': 'Command-line tool',
  'cli.about': 'Puts `goproxyctl` on your PATH. It runs on this app, so no separate Node is needed.',
  'cli.installed': 'Installed: {target}',
  'cli.installedOffPath': 'Installed at {target}, but its folder is not on your PATH yet: add it in your shell profile.',
  'cli.notInstalled': 'Not installed. It will go to {target}.',
  'cli.conflict': '{target} is already taken ({what}): remove it first to install here.',
  'cli.unavailable.appimage': 'Not available from an AppImage, whose files move on every start: install the .deb package instead.',
  'cli.unavailable.no-runtime': 'Install it from the desktop app or from `goproxyctl serve`.',
  'cli.launcherProblem': 'The launcher could not be written: {problem}',
  'cli.install': 'Install command-line tool',
  'cli.uninstall': 'Uninstall',
  'cli.failed': 'It failed: {error}',
};
export type CliToolMessageKey = keyof typeof en;

const zhCN: Record<CliToolMessageKey, string> = {
  'cli.heading': '命令行工具',
  'cli.about': '把 `goproxyctl` 加入 PATH。它由本应用运行，无需另装 Node.js 运行时。',
  'cli.installed': '已安装：{target}',
  'cli.installedOffPath': '已安装到 {target}，但其所在目录还不在 PATH 中：请在 shell 配置文件中加入它。',
  'cli.notInstalled': '尚未安装，将安装到 {target}。',
  'cli.conflict': '{target} 已被占用（{what}）：请先删除它再安装到这里。',
  'cli.unavailable.appimage': 'AppImage 每次启动文件位置都会变化，无法安装：请改用 .deb 安装包。',
  'cli.unavailable.no-runtime': '请在桌面应用或 `goproxyctl serve` 中安装。',
  'cli.launcherProblem': '无法写入启动脚本：{problem}',
  'cli.install': '安装命令行工具',
  'cli.uninstall': '卸载',
  'cli.failed': '失败：{error}',
};

export type CliToolTranslate = (key: CliToolMessageKey, params?: Record<string, string>) => string;

export function cliToolTranslator(locale: Locale): CliToolTranslate {
  const catalog: Record<CliToolMessageKey, string> = locale === 'zh-CN' ? zhCN : en;
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
