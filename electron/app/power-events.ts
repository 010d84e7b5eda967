// The OS power events the engine cares about: after a wake from sleep the network may be another
// one and the active proxy unreachable, so the watcher runs a round (when auto-repair is on) and
// everything the state comes from is read again (another process may have changed the files while
// we slept, and a sleeping machine may have missed file events).
import type { PowerMonitor } from 'electron';

export interface WakeTarget {
  wake(): Promise<void>;
  dispatch(key: 'rereadAll', request: Record<string, never>): Promise<unknown>;
}

/** Returns the unregister function. Failures are reported by the service's own events. */
export function registerPowerEvents(powerMonitor: Pick<PowerMonitor, 'on' | 'off'>, service: WakeTarget): () => void {
  const onResume = (): void => {
    void service.dispatch('rereadAll', {});
    void service.wake().catch(() => undefined);
  };
  powerMonitor.on('resume', onResume);
  return () => void powerMonitor.off('resume', onResume);
}
