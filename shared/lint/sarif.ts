// Findings as SARIF 2.1.0, the format GitHub code scanning reads: one run, one rule descriptor
// per rule id (with its help), one result per finding with a physical location. The text is
// English whatever the command's language: a SARIF file is read by code-scanning tools and shared
// with a team, and the rule descriptors (rule-docs.ts) are English. Each result's messages (ids
// and values) ride in its property bag, for a consumer that renders them itself.
import { render } from '../i18n/catalog.js';
import { LINT_RULE_IDS, type LintResult } from './types.js';
import { RULE_DOCS } from './rule-docs.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  toolVersion: string;
  /** Where the rules are documented (docs/lint.md in the repository). */
  helpUri?: string;
}

export function toSarif(findings: readonly LintResult[], opts: SarifOptions): object {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'goproxyctl lint',
          version: opts.toolVersion,
          ...(opts.helpUri ? { informationUri: opts.helpUri } : {}),
          rules: LINT_RULE_IDS.map((id) => ({
            id,
            name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
            shortDescription: { text: RULE_DOCS[id].title },
            fullDescription: { text: RULE_DOCS[id].why },
            defaultConfiguration: { level: RULE_DOCS[id].severity },
            help: { text: RULE_DOCS[id].fix },
            ...(opts.helpUri ? { helpUri: `${opts.helpUri}#${id}` } : {}),
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: LINT_RULE_IDS.indexOf(f.rule),
        level: f.severity,
        message: { text: `${f.variable}=${f.value}: ${render('en', f.whyMessage)} Fix: ${render('en', f.fixMessage)}` },
        properties: { whyMessage: f.whyMessage, fixMessage: f.fixMessage },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.file.split('\\').join('/') },
            region: { startLine: f.line, startColumn: f.column },
          },
        }],
      })),
    }],
  };
}
