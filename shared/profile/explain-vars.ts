// One line per Go variable a profile writes, saying what it makes go do for the user's own
// patterns, in go's terms (cmd/go/internal/cfg: GONOPROXY and GONOSUMDB default to GOPRIVATE when
// unset or empty; modfetch/proxy.go: "," falls through on 404/410 only, "|" on any error; GOINSECURE
// relaxes transport security only and never checksum verification). Pure.
import { parseGoproxy, type ChainEntry } from '../go/goproxy.js';
import { parseGosumdb } from '../go/gosumdb.js';
import { msg, type Message } from '../i18n/message.js';

/** The steps go takes, as one phrase: each step a message, chained right to left ("a, b, c"). */
function describeChain(entries: readonly ChainEntry[]): Message {
  const steps = entries.map((e, i): Message => {
    const prev = entries[i - 1];
    if (e.kind === 'off') return msg('apply.vars.step.off');
    if (e.kind === 'direct') return msg(i === 0 ? 'apply.vars.step.direct-first' : prev?.fallBackOnError ? 'apply.vars.step.direct-after-error' : 'apply.vars.step.direct-after-not-found');
    return msg(i === 0 ? 'apply.vars.step.proxy-first' : prev?.fallBackOnError ? 'apply.vars.step.proxy-after-error' : 'apply.vars.step.proxy-after-not-found', { url: e.url });
  });
  return chained(steps, 'apply.vars.steps');
}

/** Messages joined pairwise by a two-place template ({first}, {rest}): one phrase in either language. */
function chained(items: readonly Message[], join: 'apply.vars.steps' | 'apply.vars.goauth.then'): Message {
  return items.slice(0, -1).reduceRight((rest, first) => msg(join, { first, rest }), items.at(-1)!);
}

/** `VAR=value: what it does` for each variable in `vars` (null: unset), in the order given, as messages. */
export function explainGoVars(vars: Readonly<Record<string, string | null>>): Message[] {
  const has = (v: string | null | undefined): v is string => v !== null && v !== undefined && v !== '';
  const privatePatterns = has(vars.GOPRIVATE) ? vars.GOPRIVATE : null;
  const lines: Message[] = [];
  for (const [name, value] of Object.entries(vars)) {
    const shown = `${name}=${value ?? ''}`;
    let what: Message;
    switch (name) {
      case 'GOPROXY': {
        const parsed = parseGoproxy(value ?? 'https://proxy.golang.org,direct');
        what = parsed.ok ? msg('apply.vars.goproxy', { steps: describeChain(parsed.value.entries) }) : msg('apply.vars.rejected', { error: parsed.error });
        break;
      }
      case 'GOSUMDB': {
        if (!has(value)) what = msg('apply.vars.gosumdb.unset');
        else {
          const parsed = parseGosumdb(value);
          what = !parsed.ok
            ? msg('apply.vars.rejected', { error: parsed.error })
            : parsed.value.kind === 'off'
              ? msg('apply.vars.gosumdb.off')
              : parsed.value.url
                ? msg('apply.vars.gosumdb.at', { name: parsed.value.name, url: parsed.value.url })
                : msg('apply.vars.gosumdb.through-proxy', { name: parsed.value.name });
        }
        break;
      }
      case 'GOPRIVATE':
        what = has(value) ? msg('apply.vars.goprivate', { patterns: value }) : msg('apply.vars.goprivate.unset');
        break;
      case 'GONOPROXY':
        what = !has(value)
          ? privatePatterns ? msg('apply.vars.gonoproxy.follows', { patterns: privatePatterns }) : msg('apply.vars.gonoproxy.unset-both')
          : value === 'none'
            ? privatePatterns ? msg('apply.vars.gonoproxy.none', { patterns: privatePatterns }) : msg('apply.vars.gonoproxy.none-no-private')
            : msg('apply.vars.gonoproxy', { patterns: value });
        break;
      case 'GONOSUMDB':
        what = !has(value)
          ? privatePatterns ? msg('apply.vars.gonosumdb.follows', { patterns: privatePatterns }) : msg('apply.vars.gonosumdb.unset-both')
          : value === 'none'
            ? msg('apply.vars.gonosumdb.none')
            : msg('apply.vars.gonosumdb', { patterns: value });
        break;
      case 'GOINSECURE':
        what = has(value) ? msg('apply.vars.goinsecure', { patterns: value }) : msg('apply.vars.goinsecure.unset');
        break;
      case 'GOFLAGS':
        what = has(value) ? msg('apply.vars.goflags', { flags: value }) : msg('apply.vars.goflags.unset');
        break;
      case 'GOAUTH':
        what = has(value) ? msg('apply.vars.goauth', { sources: chained(value.split(';').map((s) => msg('apply.vars.goauth.source', { source: s.trim() })), 'apply.vars.goauth.then') }) : msg('apply.vars.goauth.unset');
        break;
      default:
        continue;
    }
    lines.push(msg('apply.vars.line', { assignment: shown, what }));
  }
  return lines;
}
