// Strings the main process shows (tray, notifications), in English and Simplified Chinese.
import type { NoticeCode } from '../../shared/contract/stream.js';
import { localeFromLanguages, resolveLocale, type LanguageSetting } from '../../shared/ui/appearance.js';
import { interpolate } from '../../shared/ui/interpolate.js';
import type { TrayStatus } from './tray-status.js';

const en = {
  appName: 'GoProxy Control',
  'status.unknown': 'not checked yet',
  'status.probing': 'checking…',
  'status.healthy': 'healthy',
  'status.degraded': 'needs attention',
  'status.failing': 'failing',
  statusLine: 'GoProxy Control: {status}',
  chainHeader: 'Active chain (GOPROXY)',
  chainEntry: '{n}. {entry} — latency not measured yet',
  chainError: 'go rejects GOPROXY: {error}',
  chainEntryLatency: '{n}. {entry} — {latency} ms',
  chainEntryFailing: '{n}. {entry} — failing ({error})',
  profilesHeader: 'Profiles',
  profilesNone: 'No profiles yet',
  testNow: 'Test now',
  repairNow: 'Repair now',
  autoRepair: 'Auto-repair',
  benchmark: 'Benchmark…',
  undo: 'Undo',
  repairTitle: 'GOPROXY repaired',
  repairBody: 'Now GOPROXY={goproxy}. {reason}',
  chainUnknown: 'Configuration not read yet',
  refresh: 'Refresh configuration',
  openDashboard: 'Open dashboard…',
  launchAtLogin: 'Launch at login',
  installCli: 'Install command-line tool',
  cliInstalledTitle: 'goproxyctl is on your PATH',
  cliInstalledBody: 'Open a new terminal and run: goproxyctl --help ({target})',
  cliInstalledOffPathBody: 'Installed at {target}, but {dir} is not on your PATH yet: add it in your shell profile',
  cliInstallFailedTitle: 'Could not install the command-line tool',
  quit: 'Quit GoProxy Control',
  checkedAgo: 'configuration read {minutes} min ago',
  checkedJustNow: 'configuration read just now',
  'notice.goproxy-changed': 'GOPROXY changed: {from} → {to}',
  'notice.config-unreadable': 'The Go configuration could not be read: {reason}',
  relayUp: 'Local relay: serving on {address}',
  relayDown: 'Local relay: not running on {address}; go uses the chain',
  relayDownBecause: 'Local relay: not running on {address} ({error})',
  relayTraffic: '{requests} requests, {hits} from the cache',
  relayUpstreamsHealthy: 'Upstreams: all {n} healthy',
  relayUpstreamsCooling: 'Upstreams: {cooling} of {n} cooling down after a failure',
};
export type AppMessageKey = keyof typeof en;
type Catalog = Record<AppMessageKey, string>;

const zhCN: Catalog = {
  appName: 'GoProxy Control',
  'status.unknown': '尚未检查',
  'status.probing': '检查中…',
  'status.healthy': '正常',
  'status.degraded': '需要注意',
  'status.failing': '失败',
  statusLine: 'GoProxy Control：{status}',
  chainHeader: '当前代理链（GOPROXY）',
  chainEntry: '{n}. {entry} — 尚未测量延迟',
  chainError: 'go 不接受此 GOPROXY：{error}',
  chainEntryLatency: '{n}. {entry} — {latency} 毫秒',
  chainEntryFailing: '{n}. {entry} — 失败（{error}）',
  profilesHeader: '配置方案',
  profilesNone: '还没有配置方案',
  testNow: '立即测试',
  repairNow: '立即修复',
  autoRepair: '自动修复',
  benchmark: '测速…',
  undo: '撤销',
  repairTitle: 'GOPROXY 已修复',
  repairBody: '现在 GOPROXY={goproxy}。{reason}',
  chainUnknown: '尚未读取配置',
  refresh: '刷新配置',
  openDashboard: '打开控制面板…',
  launchAtLogin: '登录时启动',
  installCli: '安装命令行工具',
  cliInstalledTitle: 'goproxyctl 已加入 PATH',
  cliInstalledBody: '打开新的终端并运行：goproxyctl --help（{target}）',
  cliInstalledOffPathBody: '已安装到 {target}，但 {dir} 还不在 PATH 中：请在 shell 配置文件中加入它',
  cliInstallFailedTitle: '无法安装命令行工具',
  quit: '退出 GoProxy Control',
  checkedAgo: '配置读取于 {minutes} 分钟前',
  checkedJustNow: '配置刚刚读取',
  'notice.goproxy-changed': 'GOPROXY 已变更：{from} → {to}',
  'notice.config-unreadable': '无法读取 Go 配置：{reason}',
  relayUp: '本地中继：正在 {address} 上服务',
  relayDown: '本地中继：未在 {address} 上运行；go 直接使用代理链',
  relayDownBecause: '本地中继：未在 {address} 上运行（{error}）',
  relayTraffic: '{requests} 个请求，{hits} 个来自缓存',
  relayUpstreamsHealthy: '上游：{n} 个全部正常',
  relayUpstreamsCooling: '上游：{n} 个中有 {cooling} 个失败后正在冷却',
};

export type AppTranslate = (key: AppMessageKey, params?: Record<string, string>) => string;

/** A locale ("zh-CN", "en-US"... as Electron's app.getLocale() gives it) to a translate function. */
export function appTranslator(locale: string): AppTranslate {
  const catalog = localeFromLanguages([locale]) === 'zh-CN' ? zhCN : en;
  return (key, params) => interpolate(catalog[key], params);
}

/**
 * The tray speaks the language the user chose in the settings, the same setting the dashboard
 * follows (shared/ui/appearance.ts resolves it); "system" follows the OS locale.
 */
export function trayTranslator(setting: LanguageSetting, osLocale: string): AppTranslate {
  return appTranslator(resolveLocale(setting, [osLocale]));
}

export const statusKey = (s: TrayStatus): AppMessageKey => `status.${s}`;
export const noticeKey = (c: NoticeCode): AppMessageKey => `notice.${c}`;
