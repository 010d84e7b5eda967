// One sample of one module proxy, speaking the real protocol in the order go does for a
// `go mod download`: list, @latest, .info, .mod, the sumdb check, then a capped .zip read.
import { formatModule, type ModuleRef } from '../../../shared/bench/probe-module.js';
import type { ProbeFailure, ProbeSample } from '../../../shared/bench/types.js';
import { makeFailure } from './failure.js';
import { contentLength, judge, withError } from './judge.js';
import { MIN_THROUGHPUT_BYTES, resolveCaps, ZIP_READ_MS, type Credentials, type ProbeOptionsBase } from './options.js';
import { checkInfo, checkList, checkMod, checkZipHead, escapeModuleText } from './protocol-checks.js';
import { isFatal, runSample, stripUserinfo } from './sample-runner.js';
import { msg } from '../../../shared/i18n/message.js';

export type { ModuleRef };

export interface ProbeProxyOptions extends ProbeOptionsBase {
  module: ModuleRef;
  /**
   * Asked for, in order, when the proxy answers 404/410 for `module` (shared/bench/probe-module.ts
   * WIDELY_MIRRORED_MODULES in a benchmark): a proxy that lacks one module is still measured.
   */
  fallbackModules?: readonly ModuleRef[];
  /** How long the .zip is read after its first byte (default ZIP_READ_MS). */
  zipReadMs?: number;
}

// modfetch.MaxZipFile: go refuses module zips larger than this.
const GO_MAX_ZIP_BYTES = 500 << 20;

/** GOPROXY's rule: an entry without a scheme means https. Returns the URL with userinfo intact. */
export function parseCandidate(candidate: string): URL {
  const text = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(candidate) ? candidate : `https://${candidate}`;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The probe speaks http and https only, not ${url.protocol}`);
  return url;
}

/** The candidate as shown and stored: no credentials, no trailing slash. */
export function normalizeCandidate(url: URL): string {
  return stripUserinfo(url).href.replace(/\/+$/, '');
}

export function credentialsFrom(url: URL, given: Credentials | null | undefined): Credentials | null {
  if (given) return given;
  if (!url.username && !url.password) return null;
  return { user: decodeURIComponent(url.username), secret: decodeURIComponent(url.password) };
}

/** Whether the proxy served the module's metadata, answered 404/410 for it, or failed otherwise. */
type ModuleAnswer = { kind: 'served' } | { kind: 'missing'; failure: ProbeFailure } | { kind: 'failed' };

export async function probeProxy(candidate: string, opts: ProbeProxyOptions): Promise<ProbeSample> {
  const url = parseCandidate(candidate);
  const base = normalizeCandidate(url);
  const origin = stripUserinfo(url);
  const credentials = credentialsFrom(url, opts.credentials);
  const caps = resolveCaps(opts.maxBodyBytes);
  const where = origin.host;
  const chosen = opts.module;
  const modules = [chosen, ...(opts.fallbackModules ?? []).filter((m) => formatModule(m) !== formatModule(chosen))];

  return runSample({
    candidate: base,
    kind: 'proxy',
    origin,
    credentials,
    opts,
    body: async (ctx) => {
      let error: ProbeFailure | null = null;
      let stop = false;
      const note = (f: ProbeFailure | null, required: boolean): void => {
        if (f && required && !error) error = f;
        if (f && isFatal(f)) stop = true;
      };

      /** list, @latest, .info, .mod of one module, as go asks for them. */
      const askFor = async ({ path, version }: ModuleRef): Promise<ModuleAnswer> => {
        const modBase = `${base}/${escapeModuleText(path)}/@v`;
        const missing = (f: ProbeFailure | null): f is ProbeFailure => f?.kind === 'not-found';
        const list = await ctx.fetch({ request: 'list', url: `${modBase}/list`, maxBytes: caps.list });
        const listErr = judge(list, where, (b) => checkList(b.toString('utf8')));
        ctx.record(withError(list.timing, listErr));
        if (missing(listErr)) return { kind: 'missing', failure: listErr };
        note(listErr, true);
        if (stop) return { kind: 'failed' };

        const latest = await ctx.fetch({ request: 'latest', url: `${base}/${escapeModuleText(path)}/@latest`, maxBytes: caps.latest });
        const latestErr = judge(latest, where, (b) => checkInfo(b.toString('utf8'), null));
        ctx.record(withError(latest.timing, latestErr));
        // @latest is optional in the protocol: "not here" is a fine answer.
        note(latestErr, latestErr?.kind !== 'not-found');
        if (stop) return { kind: 'failed' };

        const info = await ctx.fetch({ request: 'info', url: `${modBase}/${escapeModuleText(version)}.info`, maxBytes: caps.info });
        const infoErr = judge(info, where, (b) => checkInfo(b.toString('utf8'), version));
        ctx.record(withError(info.timing, infoErr));
        if (missing(infoErr)) return { kind: 'missing', failure: infoErr };
        note(infoErr, true);
        if (stop) return { kind: 'failed' };

        const mod = await ctx.fetch({ request: 'mod', url: `${modBase}/${escapeModuleText(version)}.mod`, maxBytes: caps.mod });
        const modErr = judge(mod, where, (b) => checkMod(b.toString('utf8'), path));
        ctx.record(withError(mod.timing, modErr));
        if (missing(modErr)) return { kind: 'missing', failure: modErr };
        note(modErr, true);
        return stop ? { kind: 'failed' } : { kind: 'served' };
      };

      let served: ModuleRef | null = null;
      let chosenMissing: ProbeFailure | null = null;
      for (const m of modules) {
        const answer = await askFor(m);
        if (answer.kind === 'missing' && m === chosen) chosenMissing = answer.failure;
        if (answer.kind === 'served') served = m;
        if (answer.kind !== 'missing' || error !== null || stop) break;
      }
      if (served === null && error === null && chosenMissing !== null) {
        // Every module asked for was "not here": the proxy answers, it just does not have them.
        error = makeFailure('not-found', 'ttfb', msg('bench.probe.missingModule', { where, module: formatModule(chosen), status: chosenMissing.status ?? 404 }), chosenMissing.status);
      }

      let sumdbSupported: boolean | null = null;
      if (!stop) {
        // Before the zip: a capped zip read ends its connection, and this request should not pay for a new one.
        const sumdb = await ctx.fetch({ request: 'sumdb-supported', url: `${base}/sumdb/sum.golang.org/supported`, maxBytes: caps.small });
        const sumdbErr = judge(sumdb, where, null);
        ctx.record(withError(sumdb.timing, sumdbErr && sumdbErr.kind !== 'not-found' ? sumdbErr : null));
        if (!sumdbErr) sumdbSupported = true;
        else if (sumdbErr.kind === 'not-found') sumdbSupported = false;
        else {
          ctx.warnings.push(msg('bench.warning.sumdbCheckFailed', { error: sumdbErr.messageMessage }));
          note(sumdbErr, false);
        }
      }

      let throughputBytesPerSec: number | null = null;
      if (!stop && served !== null) {
        const { path, version } = served;
        const zip = await ctx.fetch({ request: 'zip', url: `${base}/${escapeModuleText(path)}/@v/${escapeModuleText(version)}.zip`, maxBytes: caps.zip, maxReadMs: opts.zipReadMs ?? ZIP_READ_MS });
        const declared = contentLength(zip);
        // Size first: an answer that would not stop is too-large whatever its first bytes are.
        let zipErr: ProbeFailure | null = null;
        if (!zip.timing.error && zip.status === 200) {
          if (declared !== null && declared > GO_MAX_ZIP_BYTES) {
            zipErr = makeFailure('too-large', 'transfer', msg('bench.probe.zipOverGoLimit', { where, bytes: declared }), zip.status);
          } else if (zip.overflowed && declared !== null && declared <= caps.zip) {
            zipErr = makeFailure('too-large', 'transfer', msg('bench.probe.zipMoreThanClaimed', { where, bytes: declared, cap: caps.zip }), zip.status);
          } else if (zip.overflowed && declared === null) {
            zipErr = makeFailure('too-large', 'transfer', msg('bench.probe.zipUndeclared', { where, cap: caps.zip }), zip.status);
          }
        }
        zipErr ??= judge(zip, where, (b) => checkZipHead(b, path, version), { truncationAllowed: true });
        ctx.record(withError(zip.timing, zipErr));
        note(zipErr, true);
        // A body cut by the read time filled that whole time: a real rate, however few its bytes.
        const timesThePipe = zip.body.length >= MIN_THROUGHPUT_BYTES || zip.timeCapped;
        if (!zipErr && timesThePipe && zip.timing.transferMs && zip.timing.transferMs > 0) {
          throughputBytesPerSec = zip.body.length / (zip.timing.transferMs / 1000);
        }
      }
      return {
        error,
        throughputBytesPerSec,
        sumdbSupported,
        module: served === null ? null : formatModule(served),
        missingModule: chosenMissing === null ? null : formatModule(chosen),
      };
    },
  });
}
