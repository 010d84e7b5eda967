// One contract command run from a button: busy while it runs, its error in words, its answer.
// Commands report their effect through the state stream; this only tracks the click.
import { useCallback, useRef, useState } from 'react';

export interface CommandRun<Args extends unknown[], Res> {
  run: (...args: Args) => Promise<Res | undefined>;
  busy: boolean;
  error: string | null;
  result: Res | null;
  reset: () => void;
}

export function useCommand<Args extends unknown[], Res>(call: (...args: Args) => Promise<Res>): CommandRun<Args, Res> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Res | null>(null);
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(async (...args: Args) => {
    setBusy(true);
    setError(null);
    try {
      const value = await callRef.current(...args);
      setResult(value);
      return value;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setResult(null);
  }, []);
  return { run, busy, error, result, reset };
}
