// Every subcommand, by name, with its one-line summary. Modules load only when their command
// runs, so start-up cost does not grow with the number of commands.
// To add a command: create commands/<name>.ts exporting `command: CliCommand`, add one line here.
import type { CliCommand } from './command.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  explain: {
    summary: 'Show what `go` would do for a module with your current configuration',
    load: async () => (await import('./commands/explain.js')).command,
  },
  env: {
    summary: 'Show the effective Go proxy configuration and where each value comes from',
    load: async () => (await import('./commands/env.js')).command,
  },
  bench: { summary: 'Benchmark Go module proxies with the real protocol and recommend a GOPROXY chain', load: async () => (await import('./commands/bench.js')).command },
  use: { summary: 'Apply a profile: the go env file and your shells, verified with go, undoable', load: async () => (await import('./commands/use.js')).command },
  undo: { summary: 'Undo the last apply byte for byte, or list the history of applies', load: async () => (await import('./commands/undo.js')).command },
  profiles: { summary: 'List, create, import, export and subscribe to proxy profiles', load: async () => (await import('./commands/profiles.js')).command },
  doctor: { summary: 'Find Go proxy settings that shadow each other or break downloads, and fix them', load: async () => (await import('./commands/doctor.js')).command },
  lint: { summary: 'Find GOPROXY/GOSUMDB/GOPRIVATE mistakes in Dockerfiles, Makefiles, CI files and scripts', load: async () => (await import('./commands/lint.js')).command },
  export: { summary: 'Print a profile as a Dockerfile, GitHub Actions, GitLab CI, direnv or shell snippet', load: async () => (await import('./commands/export.js')).command },
  auth: { summary: 'Store credentials for private proxies in the OS keychain and give them to go', load: async () => (await import('./commands/auth.js')).command },
  watch: { summary: 'Watch the network and repair the GOPROXY chain when it breaks (auto-repair daemon)', load: async () => (await import('./commands/watch.js')).command },
  relay: { summary: 'Run a local Go module proxy with deadlines, hedging and a cache in front of your chain', load: async () => (await import('./commands/relay.js')).command },
  serve: { summary: 'Serve the dashboard and its API on 127.0.0.1 (headless mode, no Electron needed)', load: async () => (await import('./commands/serve.js')).command },
};
