// The zh-CN check: what a person reads on a dashboard view set in 简体中文 must be Chinese, apart
// from what is verbatim by nature. Rules, applied in this order to the visible text (elements
// marked as code — .mono, code, pre, kbd, [data-verbatim] — are removed by the caller first):
//   1. URLs (scheme://…), go's commands (go env -w, go get) and file paths (/…, ~/…, $VAR/…);
//   2. tokens with a dot, slash, @, = or colon-between-letters: module paths, host names,
//      versions, KEY=value pairs (golang.org/x/mod, sum.golang.google.cn, v0.17.0);
//   3. ALL-CAPS names (GOPROXY, HTTP, DNS) and CamelCase product names (GoProxy, macOS);
//   4. a short list of words that are names in every language: the product and command
//      (goproxyctl, Control, go), GOPROXY's keywords (direct, off), language names (English), shell,
//      the company behind proxy.golang.org (Google), Wi-Fi, protocol names (http, https) and units (ms, KB, MB, min, h, s).
// The graph library's credit link (React Flow's attribution) is removed with the code elements.
// What remains must hold no ASCII word of three letters or more. The check is not vacuous: it
// also demands that the text hold Chinese at all (the caller asserts the view's heading too).
import type { Page } from 'playwright-core';

const ALLOWED_WORDS = new Set(['goproxyctl', 'control', 'go', 'direct', 'off', 'english', 'google', 'http', 'https', 'wi-fi', 'shell', 'ms', 'kb', 'mb', 'min', 'h', 's', 'node', 'js']);

export interface ZhCheck {
  /** How many CJK characters the text holds (a Chinese UI shows many). */
  cjk: number;
  /** English words left once the allowed tokens are stripped, with some context each. */
  english: string[];
}

export function checkZhText(text: string): ZhCheck {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const english: string[] = [];
  for (const line of text.split('\n')) {
    const stripped = line
      .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
      .replace(/\bgo (env|get|mod|list)( -w)?\b/g, ' ')
      .replace(/(^|[\s(（:：,，])(~|\$\w+)?\/[^\s,，)）]+/g, '$1 ')
      .replace(/\S*[./@=]\S*/g, ' ')
      .replace(/[A-Za-z]+:[A-Za-z]\S*/g, ' ')
      .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ')
      .replace(/\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/g, ' ');
    for (const word of stripped.match(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g) ?? []) {
      const letters = word.replace(/-/g, '');
      if (letters.length < 3 || ALLOWED_WORDS.has(word.toLowerCase())) continue;
      english.push(`${word}  ← ${line.trim().slice(0, 140)}`);
    }
  }
  return { cjk, english };
}

/**
 * A script to run in the page: the visible text of the element `selector` finds, without the
 * elements that are code by nature (and any `alsoRemove`). The copy is laid out off-screen so
 * innerText keeps the line breaks a person sees.
 */
export function proseScript(selector: string, alsoRemove: readonly string[] = []): string {
  const removed = ['.mono', 'code', 'pre', 'kbd', 'textarea', '[data-verbatim]', '.react-flow__attribution', 'script', 'style', ...alsoRemove].join(', ');
  return `(() => {
  const found = document.querySelector(${JSON.stringify(selector)});
  if (found === null) return null;
  const root = found.cloneNode(true);
  for (const el of root.querySelectorAll(${JSON.stringify(removed)})) el.remove();
  const holder = document.createElement('div');
  holder.style.position = 'absolute';
  holder.style.left = '-99999px';
  holder.appendChild(root);
  document.body.appendChild(holder);
  const text = holder.innerText;
  holder.remove();
  return text;
})()`;
}

/**
 * The prose of `selector` once it is on the page: an element the page re-renders at that moment
 * (a list the service re-derives) is waited for again and read when it is back, not missed.
 * (page.waitForFunction would poll a string with eval, which the dashboard's CSP refuses.)
 */
export async function readProse(page: Page, selector: string, alsoRemove: readonly string[] = []): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.locator(selector).first().waitFor({ timeout: 30_000 });
    const text = await page.evaluate<string | null>(proseScript(selector, alsoRemove));
    if (text !== null) return text;
  }
  throw new Error(`${selector} kept disappearing as it was read`);
}

/** Runs in the page: the visible text of the main area and the shell, without code-like elements. */
export const VISIBLE_PROSE_SCRIPT = proseScript('.app');
