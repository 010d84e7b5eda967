// Turns the explain engine's answer into the state's ExplainView (plain JSON, no credentials).
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { Message, MessageParam } from '../../../shared/i18n/message.js';
import type { ExplainView } from '../../../shared/contract/state.js';
import type { Explanation } from '../explain/explain-module.js';

export function toExplainView(
  request: { module: string; version: string | null; goproxy: string },
  explanation: Explanation,
  times: { startedAt: number; finishedAt: number },
): ExplainView {
  const clean = (s: string | null): string | null => (s === null ? null : redactCredentials(s));
  return {
    module: request.module,
    requestedVersion: request.version,
    version: explanation.version,
    goproxy: redactCredentials(request.goproxy),
    steps: explanation.steps.map((s) => ({
      request: s.request,
      entry: redactCredentials(s.entry),
      outcome: s.outcome,
      status: s.status,
      error: clean(s.error),
      fallBackOnError: s.fallBackOnError,
      why: redactMessage(s.why),
    })),
    servedBy: clean(explanation.servedBy),
    outcome: explanation.outcome,
    error: clean(explanation.error),
    fix: explanation.fix === null ? null : redactMessage(explanation.fix),
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
  };
}

/** A message with every text value (nested ones too) redacted: its values carry entries and URLs. */
function redactMessage(message: Message): Message {
  if (message.params === undefined) return message;
  const redactParam = (value: MessageParam): MessageParam => (typeof value === 'string' ? redactCredentials(value) : typeof value === 'number' ? value : redactMessage(value));
  return { id: message.id, params: Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, redactParam(value)])) };
}
