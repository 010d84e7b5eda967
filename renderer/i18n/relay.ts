// Strings of the local relay's card (Overview) and its mark on the chain graph, in English and
// Simplified Chinese. Same pattern as views.ts: the English catalog defines the keys, a key
// missing in another language is a compile error.
import type { Locale } from './i18n.js';

const en = {
  'relay.heading': 'Local relay',
  'relay.off': 'Not used by the active profile. A profile with {option} sends go through it first.',
  'relay.up': 'Serving on {url}',
  'relay.down': 'Not running on 127.0.0.1:{port}: go uses the chain directly.',
  'relay.downBecause': 'Not running on 127.0.0.1:{port}: {error}',
  'relay.requests': '{requests} requests, {hits} from the cache ({size})',
  'relay.upstreams': 'Upstreams',
  'relay.upstream.healthy': 'healthy',
  'relay.upstream.cooling': 'cooling down after a failure',
  'relay.upstream.figures': '{requests} requests, {failures} failed',
  'relay.upstream.p90': 'p90 first byte {ms} ms',
  'relay.node': 'local relay (goproxyctl)',
  'relay.node.fallback': 'when it is not running, go goes on to the next entry',
  'relay.option': 'Through the local relay',
  'relay.option.port': 'Relay port on 127.0.0.1',
  'relay.option.on': 'go asks http://127.0.0.1:{port} first (deadlines, hedging, a cache); when the relay is not running, go uses the chain above.',
  'relay.option.off': 'go walks the chain above itself.',
  'size.bytes': '{n} B',
  'size.kib': '{n} KiB',
  'size.mib': '{n} MiB',
  'size.gib': '{n} GiB',
};
export type RelayMessageKey = keyof typeof en;

const zhCN: Record<RelayMessageKey, string> = {
  'relay.heading': '本地中继',
  'relay.off': '当前配置方案未使用本地中继。在配置方案中设置 {option}，go 会先经过它。',
  'relay.up': '正在 {url} 上服务',
  'relay.down': '未在 127.0.0.1:{port} 上运行：go 直接使用代理链。',
  'relay.downBecause': '未在 127.0.0.1:{port} 上运行：{error}',
  'relay.requests': '{requests} 个请求，{hits} 个来自缓存（{size}）',
  'relay.upstreams': '上游',
  'relay.upstream.healthy': '正常',
  'relay.upstream.cooling': '失败后冷却中',
  'relay.upstream.figures': '{requests} 个请求，{failures} 个失败',
  'relay.upstream.p90': '首字节 p90 {ms} 毫秒',
  'relay.node': '本地中继（goproxyctl）',
  'relay.node.fallback': '它未运行时，go 继续尝试下一项',
  'relay.option.port': '127.0.0.1 上的中继端口',
  'relay.option': '经由本地中继',
  'relay.option.on': 'go 先访问 http://127.0.0.1:{port}（超时控制、对冲请求、缓存）；中继未运行时，go 直接使用上面的代理链。',
  'relay.option.off': 'go 自己依次访问上面的代理链。',
  'size.bytes': '{n} B',
  'size.kib': '{n} KiB',
  'size.mib': '{n} MiB',
  'size.gib': '{n} GiB',
};

const CATALOGS: Record<Locale, Record<RelayMessageKey, string>> = { en, 'zh-CN': zhCN };

export type RelayTranslate = (key: RelayMessageKey, params?: Record<string, string | number>) => string;

export function relayTranslator(locale: Locale): RelayTranslate {
  const catalog = CATALOGS[locale];
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (params[name] !== undefined ? String(params[name]) : m));
}

/** Bytes for people: 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number, t: RelayTranslate): string {
  const units = [
    ['size.gib', 1 << 30],
    ['size.mib', 1 << 20],
    ['size.kib', 1 << 10],
  ] as const;
  for (const [key, size] of units) if (bytes >= size) return t(key, { n: (bytes / size).toFixed(1) });
  return t('size.bytes', { n: bytes });
}
