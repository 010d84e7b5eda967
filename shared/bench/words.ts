// Small messages the benchmark's sentences are built from: a failure's kind as a word, a
// certificate's problem, a list of phrases. Pure; the words themselves are in the catalogue
// (shared/i18n/parts/bench.ts).
import { msg, type Message } from '../i18n/message.js';
import type { FailureKind, TlsProblem } from './types.js';

/** The failure's kind as a short word ("timeout", in Chinese 超时). */
export function kindMessage(kind: FailureKind): Message {
  return msg(`bench.kind.${kind}`);
}

/** What is wrong with a certificate ("its certificate is self-signed"). */
export function tlsProblemMessage(problem: string): Message {
  return problem === 'expired' || problem === 'self-signed' || problem === 'wrong-host' || problem === 'untrusted' ? msg(`bench.tls.${problem satisfies TlsProblem}`) : msg('bench.tls.untrusted');
}

/**
 * "a, b, c" as one message: the items paired from the right, each language with its own
 * separator: 'bench.list.pair' between phrases that hold commas themselves (；in Chinese),
 * 'bench.out.figures' between short figures (，).
 */
export function listMessage(items: readonly (Message | string)[], pair: 'bench.list.pair' | 'bench.out.figures' = 'bench.list.pair'): Message | string {
  const [head, ...rest] = items;
  if (head === undefined) throw new RangeError('listMessage needs at least one item');
  return rest.length === 0 ? head : msg(pair, { head, tail: listMessage(rest, pair) });
}
