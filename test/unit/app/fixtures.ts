// States for the app's pure functions, built from the real INITIAL_STATE.
import { BUILTIN_PROFILES } from '../../../shared/profile/index.js';
import { INITIAL_STATE, type AppState, type GoConfigView, type ProfileView } from '../../../shared/contract/state.js';

export function configView(over: Partial<GoConfigView> = {}): GoConfigView {
  return {
    readAt: 1_000_000,
    go: { binary: '/usr/bin/go', version: 'go1.23.5', goroot: '/usr/lib/go' },
    goError: null,
    envFilePath: '/home/u/.config/go/env',
    vars: [{ name: 'GOPROXY', value: 'https://goproxy.cn|direct', source: 'env-file', path: '/home/u/.config/go/env', shadows: [] }],
    chain: [
      { kind: 'proxy', url: 'https://goproxy.cn', fallBackOnError: true },
      { kind: 'direct', fallBackOnError: false },
    ],
    chainError: null,
    chainWarnings: [],
    ...over,
  };
}

export function stateWith(over: { config?: Partial<AppState['config']>; explain?: Partial<AppState['explain']> } = {}): AppState {
  return {
    ...INITIAL_STATE,
    revision: 3,
    config: { ...INITIAL_STATE.config, view: configView(), ...over.config },
    explain: { ...INITIAL_STATE.explain, ...over.explain },
  };
}

/** The built-in profiles as the state lists them (the real ones), one of them active. */
export function profileViews(active: string | null): ProfileView[] {
  return BUILTIN_PROFILES.map((profile) => ({ profile, origin: 'builtin' as const, subscription: null, active: profile.id === active, blockers: [] }));
}
