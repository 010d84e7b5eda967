// What every group of handlers shares: the store, the event outlet, the environment go runs with,
// the product's directories and the effectful dependencies a test may replace (the keychain, the
// login item). Built once per service (service.ts).
import type { AppEvent } from '../../../shared/contract/stream.js';
import type { ProductDirs } from '../apply/index.js';
import type { ModuleRef } from '../probe/index.js';
import type { SecretStore } from '../secrets/index.js';
import type { AppStore } from './store.js';

export interface CommandContext {
  /** Aborted when the caller goes away (an HTTP client disconnects, a window closes). */
  signal?: AbortSignal;
}

/** Launch at login, as the platform does it (electron/app/login-item.ts, or the XDG file). */
export interface LoginItemControl {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/**
 * What a handler factory returns: the commands it answers (handlers.ts merges them into the one
 * CommandHandlers) and, apart from them, what the service itself drives (start-up, wake-ups,
 * shutdown). Nothing that is not a command is ever in `handlers`.
 */
export interface HandlerGroup<Handlers, Lifecycle> {
  handlers: Handlers;
  lifecycle: Lifecycle;
}

export interface ServiceContext {
  store: AppStore;
  emit: (event: AppEvent) => void;
  /** The environment go would run with (the user's, or a test's temporary HOME). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  dirs: ProductDirs;
  now: () => number;
  /** How go runs goproxyctl as a GOAUTH helper (see electron/core/use). */
  helperArgv: readonly string[];
  /** The probe module when the settings choose none (settings-file.ts probeModuleOfSettings). */
  probeModule: ModuleRef;
  secrets: () => SecretStore;
  /** The keychain's non-secret index (which origins have a credential). */
  credentialIndexPath: string;
  loginItem: LoginItemControl | null;
}
