// The contract over the headless server: commands are POSTs, the state a GET, the stream SSE read
// with fetch(). Every request carries the token as a Bearer header (never in a URL).
// Methods are generated from CONTRACT, so this client serves exactly the contract's keys.
import { CONTRACT, CONTRACT_KEYS, routeOf, type Api, type StreamListener, type Unsubscribe } from '../../shared/contract/contract.js';
import { isEnvelope, unwrap, type Envelope } from '../../shared/contract/envelope.js';
import type { AppState } from '../../shared/contract/state.js';
import { isStreamMessage } from '../../shared/contract/stream.js';
import { createSseParser } from './sse-parser.js';

export type StreamStatus = 'connecting' | 'open' | 'retrying' | 'unauthorized';

export interface HeadlessClientOptions {
  /** e.g. http://127.0.0.1:8123 */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  onStreamStatus?: (status: StreamStatus) => void;
  /** First reconnection delay; doubles up to 5 s. */
  retryMs?: number;
}

export function createHeadlessClient(options: HeadlessClientOptions): Api {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const auth = { Authorization: `Bearer ${options.token}` };
  const url = (path: string) => `${options.origin}${path}`;

  async function post(path: string, request: unknown): Promise<Envelope<unknown>> {
    const res = await doFetch(url(path), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    const body: unknown = await res.json().catch(() => null);
    return isEnvelope(body) ? body : { ok: false, error: { code: 'failed', message: `the server answered HTTP ${res.status}` } };
  }

  async function getState(path: string): Promise<AppState> {
    const res = await doFetch(url(path), { headers: auth });
    if (!res.ok) throw new Error(`the server answered HTTP ${res.status} for the state`);
    return (await res.json()) as AppState;
  }

  function stream(path: string, listener: StreamListener): Unsubscribe {
    const controller = new AbortController();
    const status = options.onStreamStatus ?? (() => {});
    void (async () => {
      let delay = options.retryMs ?? 250;
      while (!controller.signal.aborted) {
        status('connecting');
        try {
          const res = await doFetch(url(path), { headers: { ...auth, Accept: 'text/event-stream' }, signal: controller.signal });
          if (res.status === 401) {
            status('unauthorized'); // a wrong token stays wrong: retrying would only hammer the server
            return;
          }
          if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
          status('open');
          delay = options.retryMs ?? 250;
          const feed = createSseParser((data) => {
            const message: unknown = JSON.parse(data);
            if (isStreamMessage(message)) listener(message);
          });
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            feed(value);
          }
        } catch {
          // dropped or refused: retry below (a fresh connection starts with a snapshot)
        }
        if (controller.signal.aborted) return;
        status('retrying');
        await sleep(delay, controller.signal);
        delay = Math.min(delay * 2, 5000);
      }
    })();
    return () => controller.abort();
  }

  const api: Record<string, unknown> = {};
  for (const key of CONTRACT_KEYS) {
    const { path } = routeOf(key);
    const kind = CONTRACT[key].kind;
    if (kind === 'command') api[key] = async (request: unknown) => unwrap(await post(path, request));
    else if (kind === 'state') api[key] = () => getState(path);
    else api[key] = (listener: StreamListener) => stream(path, listener);
  }
  return api as Api;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
