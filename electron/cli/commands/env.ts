// `goproxyctl env`: the effective Go proxy configuration, where each value comes from, and
// what it shadows, in the command's language (values, names and paths as they are).
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { GO_PROXY_VARS } from '../../../shared/go/effective.js';
import { redactEffectiveConfig } from '../../../shared/go/redact.js';
import { readGoConfig } from '../../core/goenv/read-config.js';
import { EXIT, writeJson, type CliCommand } from '../command.js';
import { describeGo, formatConfigTable, shadowWarnings } from '../format/config-table.js';
import { localeOfCli } from '../lang.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';

export const command: CliCommand = {
  name: 'env',
  summary: 'cli.env.summary',
  usage: {
    lines: ['goproxyctl env [options]'],
    about: 'cli.env.about',
    options: {},
    examples: ['goproxyctl env', 'goproxyctl env --json'],
    exits: [
      [0, 'cli.env.exit.ok'],
      [1, 'cli.env.exit.failed'],
    ],
  },
  options: {},
  async run(args, io) {
    const snapshot = await readGoConfig(io.env, { signal: io.signal });
    if (args.values.json) {
      writeJson(io, {
        go: snapshot.go ? { binary: snapshot.go.binary, version: snapshot.go.version, goroot: snapshot.go.goroot } : null,
        goError: snapshot.goError,
        envFile: snapshot.envFilePath,
        vars: redactEffectiveConfig(snapshot.effective),
      });
      return EXIT.ok;
    }
    const locale = localeOfCli(io.lang);
    const lines = [
      render(locale, msg('ops.env.go', { go: describeGo(snapshot, locale) })),
      render(locale, msg('ops.env.env-file', { path: snapshot.envFilePath ?? msg('ops.env.env-file-off') })),
      '',
    ];
    lines.push(...formatConfigTable(snapshot.effective, GO_PROXY_VARS, locale));
    const warnings = shadowWarnings(snapshot.effective, locale);
    if (warnings.length) lines.push('', ...warnings.map((w) => `! ${w}`));
    io.stdout.write(terminalSafeText(lines.join('\n')) + '\n');
    return EXIT.ok;
  },
};
