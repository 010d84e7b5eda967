// The words of the built-in profiles and of a template's blockers, in the user's language. The
// profile engine (shared/profile) keeps English for the CLI and the profile documents; the UI and
// the tray show these instead. Pure.
import { RECOMMENDED_PROFILE_ID } from '../profile/recommended.js';
import type { UiLocale } from './appearance.js';

interface ProfileWords {
  name: string;
  description: string;
}

const BUILTIN_ZH: Readonly<Record<string, ProfileWords>> = {
  china: { name: '中国大陆', description: '使用 goproxy.cn，任何错误时切换到阿里云；校验和来自 sum.golang.google.cn。' },
  global: { name: '全球（proxy.golang.org）', description: 'Google 的代理，任何错误时回退到源代码托管服务器。' },
  corporate: { name: '企业（模板）', description: '先用私有代理，再用 proxy.golang.org；私有模块直接从你的版本控制系统获取。请填写占位符。' },
  offline: { name: '离线', description: '完全不下载：只使用本地模块缓存和项目中的依赖副本目录。' },
};

/** The benchmark's profile (shared/profile/recommended.ts), while it keeps the name it was given. */
const RECOMMENDED = { id: RECOMMENDED_PROFILE_ID, name: 'Recommended by the benchmark' };
const RECOMMENDED_ZH: ProfileWords = { name: '测速推荐', description: '由最近一次测速的推荐生成的代理链（推荐理由见“测速”视图）。' };

/**
 * A profile's name and description in the locale, for the profiles whose words goproxyctl wrote
 * (the built-ins, and the benchmark's "recommended" while it has the given name); null keeps the
 * profile's own words (a name the user or a team chose is shown as written).
 */
export function builtinProfileWords(id: string, origin: 'builtin' | 'user' | 'subscription', locale: UiLocale, name?: string): ProfileWords | null {
  if (locale !== 'zh-CN') return null;
  if (origin === 'builtin') return BUILTIN_ZH[id] ?? null;
  if (origin === 'user' && id === RECOMMENDED.id && name === RECOMMENDED.name) return RECOMMENDED_ZH;
  return null;
}

/** One blocker (shared/profile/validate.ts applyBlockers: "<field>: replace <PLACEHOLDER> with …") as parts to word. */
export interface Blocker {
  /** The Go variable or part of the profile the placeholder is in. */
  where: string;
  placeholder: string;
}

export function parseBlocker(text: string): Blocker | null {
  const m = /^(\S+): replace (\S+) with /.exec(text);
  if (!m) return null;
  const field = m[1]!;
  const where = /^goproxy\[/.test(field) ? 'GOPROXY' : /^credentials\[/.test(field) ? 'credentials' : field.toUpperCase();
  return { where, placeholder: m[2]! };
}
