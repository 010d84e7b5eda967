// `goproxyctl export <profile-id> --to FORMAT`: a snippet for Dockerfiles, CI and direnv.
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { ExportError, EXPORT_FORMATS, exportProfile, type ExportFormat } from '../../core/export/snippets.js';
import { ProfileError } from '../../core/profiles/errors.js';
import { ProfileStore } from '../../core/profiles/profile-store.js';
import { EXIT, UsageError, writeJson, type CliCommand } from '../command.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';
import { localeOfCli } from '../lang.js';

export const command: CliCommand = {
  name: 'export',
  summary: 'cli.export.summary',
  usage: {
    lines: ['goproxyctl export <profile-id> --to FORMAT [options]'],
    about: 'cli.export.about',
    options: { to: { value: 'FORMAT', text: 'cli.export.option.to' } },
    examples: ['goproxyctl export china --to docker', 'goproxyctl export corporate --to github-actions'],
    exits: [[0, 'cli.export.exit.ok']],
    params: { formats: EXPORT_FORMATS.join('|') },
  },
  allowPositionals: true,
  options: { to: { type: 'string' } },
  async run(args, io) {
    const locale = localeOfCli(io.lang);
    if (args.positionals.length !== 1) throw new UsageError(render(locale, msg('apply.export.one-profile')));
    const to = args.values.to;
    if (typeof to !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(to)) {
      throw new UsageError(render(locale, msg('apply.export.formats', { formats: EXPORT_FORMATS.join(', ') })));
    }
    try {
      const profile = await new ProfileStore({ env: io.env, cwd: io.cwd }).get(args.positionals[0]!);
      const snippet = exportProfile(profile, to as ExportFormat);
      if (args.values.json) writeJson(io, { profile: profile.id, ...snippet });
      else io.stdout.write(terminalSafeText(snippet.text)); // a subscription's profile name is in the title
      return EXIT.ok;
    } catch (err) {
      if (err instanceof ProfileError || err instanceof ExportError) throw new UsageError(render(locale, err.detail));
      throw err;
    }
  },
};
