// One contract command run from a button: busy while it runs, its error in words, its answer.
// Commands report their effect through the state stream; this only tracks the click.
import { useCallback, useRef, useState } from 'react';
import { ContractError } from '../../shared/contract/envelope.js';
import type { Message } from '../../shared/i18n/message.js';

export interface CommandRun<Args extends unknown[], Res> {
  run: (...args: Args) => Promise<Res | undefined>;
  busy: boolean;
  error: string | null;
  /** The error as the engine's message, when it sent one: rendered in the language in effect. */
  errorDetail: Message | null;
  result: Res | null;
  reset: () => void;
}

export function useCommand<Args extends unknown[], Res>(call: (...args: Args) => Promise<Res>): CommandRun<Args, Res> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorDetail, setErrorDetail] = useState<Message | null>(null);
  const [result, setResult] = useState<Res | null>(null);
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(async (...args: Args) => {
    setBusy(true);
    setError(null);
    setErrorDetail(null);
    try {
      const value = await callRef.current(...args);
      setResult(value);
      return value;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setErrorDetail(err instanceof ContractError ? (err.detail ?? null) : null);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setErrorDetail(null);
    setResult(null);
  }, []);
  return { run, busy, error, errorDetail, result, reset };
}
