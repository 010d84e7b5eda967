// Every subcommand, by name, with its one-line summary. Modules load only when their command
// runs, so start-up cost does not grow with the number of commands.
// To add a command: create commands/<name>.ts exporting `command: CliCommand`, add one line here.
import type { MessageId } from '../../shared/i18n/catalog.js';
import type { CliCommand } from './command.js';

export interface CommandEntry {
  /** The command's one line (the same as its `summary`): a catalogue message. */
  summary: MessageId;
  load: () => Promise<CliCommand>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  explain: {
    summary: 'cli.explain.summary',
    load: async () => (await import('./commands/explain.js')).command,
  },
  env: {
    summary: 'cli.env.summary',
    load: async () => (await import('./commands/env.js')).command,
  },
  bench: { summary: 'cli.bench.summary', load: async () => (await import('./commands/bench.js')).command },
  use: { summary: 'cli.use.summary', load: async () => (await import('./commands/use.js')).command },
  undo: { summary: 'cli.undo.summary', load: async () => (await import('./commands/undo.js')).command },
  profiles: { summary: 'cli.profiles.summary', load: async () => (await import('./commands/profiles.js')).command },
  doctor: { summary: 'cli.doctor.summary', load: async () => (await import('./commands/doctor.js')).command },
  lint: { summary: 'cli.lint.summary', load: async () => (await import('./commands/lint.js')).command },
  export: { summary: 'cli.export.summary', load: async () => (await import('./commands/export.js')).command },
  auth: { summary: 'cli.auth.summary', load: async () => (await import('./commands/auth.js')).command },
  watch: { summary: 'cli.watch.summary', load: async () => (await import('./commands/watch.js')).command },
  relay: { summary: 'cli.relay.summary', load: async () => (await import('./commands/relay.js')).command },
  serve: { summary: 'cli.serve.summary', load: async () => (await import('./commands/serve.js')).command },
};
