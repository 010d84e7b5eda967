// UI strings in English and Simplified Chinese. Keys are typed: a string missing in one
// language is a compile error.
import { localeFromLanguages } from '../../shared/ui/appearance.js';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  'app.title': 'GoProxy Control',
  'app.language': 'Language',
  'app.loading': 'Connecting to goproxyctl…',
  'app.noToken': 'This page needs the address printed by `goproxyctl serve` (it ends with #token=…). Open that address.',
  'stream.connecting': 'connecting',
  'stream.open': 'live',
  'stream.retrying': 'reconnecting…',
  'stream.unauthorized': 'the token was refused: open the address `goproxyctl serve` printed',
  'config.heading': 'Effective Go configuration',
  'config.refresh': 'Refresh',
  'config.empty': '(empty)',
  'config.loading': 'reading…',
  'config.never': 'Not read yet.',
  'config.go': 'go: {version} ({binary})',
  'config.noGo': 'go: not found (values shown as go would read them once installed)',
  'config.goError': 'go could not be run: {error}',
  'config.envFile': 'go env file: {path}',
  'config.envFileOff': 'go env file: disabled (GOENV=off)',
  'config.readAt': 'read at {time}',
  'config.name': 'Variable',
  'config.value': 'Value',
  'config.source': 'Source',
  'config.shadows': 'overrides {value} from {source}',
  'config.chain': 'GOPROXY chain',
  'config.chainError': 'go rejects this GOPROXY: {error}',
  'config.fallbackAny': 'then on any error →',
  'config.fallbackNotFound': 'then only on 404/410 →',
  'source.os-env': 'environment',
  'source.env-file': 'go env file',
  'source.goroot-env': '$GOROOT/go.env',
  'source.default': 'built-in default',
  'source.derived': 'from GOPRIVATE',
  'notice.goproxy-changed': 'GOPROXY changed: {from} → {to}',
  'notice.config-unreadable': 'The Go configuration could not be read: {reason}',
  'notice.dismiss': 'Dismiss',
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  'app.title': 'GoProxy Control',
  'app.language': '语言',
  'app.loading': '正在连接 goproxyctl…',
  'app.noToken': '此页面需要 `goproxyctl serve` 打印的地址（以 #token=… 结尾），请打开该地址。',
  'stream.connecting': '连接中',
  'stream.open': '实时',
  'stream.retrying': '正在重新连接…',
  'stream.unauthorized': '令牌被拒绝：请打开 `goproxyctl serve` 打印的地址',
  'config.heading': '当前生效的 Go 配置',
  'config.refresh': '刷新',
  'config.empty': '（空）',
  'config.loading': '读取中…',
  'config.never': '尚未读取。',
  'config.go': 'go：{version}（{binary}）',
  'config.noGo': 'go：未找到（显示的是安装 go 后它将读取的值）',
  'config.goError': '无法运行 go：{error}',
  'config.envFile': 'go env 文件：{path}',
  'config.envFileOff': 'go env 文件：已禁用（GOENV=off）',
  'config.readAt': '读取于 {time}',
  'config.name': '变量',
  'config.value': '值',
  'config.source': '来源',
  'config.shadows': '覆盖了来自{source}的 {value}',
  'config.chain': 'GOPROXY 链',
  'config.chainError': 'go 不接受此 GOPROXY：{error}',
  'config.fallbackAny': '任何错误时 →',
  'config.fallbackNotFound': '仅在 404/410 时 →',
  'source.os-env': '环境变量',
  'source.env-file': 'go env 文件',
  'source.goroot-env': '$GOROOT/go.env',
  'source.default': '内置默认值',
  'source.derived': '来自 GOPRIVATE',
  'notice.goproxy-changed': 'GOPROXY 已变更：{from} → {to}',
  'notice.config-unreadable': '无法读取 Go 配置：{reason}',
  'notice.dismiss': '关闭',
};

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/** The first of the user's languages we have, else English (shared/ui/appearance.ts decides). */
export function pickLocale(languages: readonly string[]): Locale {
  return localeFromLanguages(languages);
}
