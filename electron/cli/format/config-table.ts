// Renders the effective configuration: each variable's value, where it comes from, and what
// it shadows. Shadowing is the classic trap (an `export GOPROXY=...` beating `go env -w`).
import type { EffectiveConfig, EffectiveVar } from '../../../shared/go/effective.js';
import { redactCredentials } from '../../../shared/go/redact.js';
import type { GoConfigSnapshot } from '../../core/goenv/read-config.js';

const SOURCE_LABEL: Record<EffectiveVar['source'], string> = {
  'os-env': 'environment',
  'env-file': 'go env file',
  'goroot-env': '$GOROOT/go.env',
  default: 'built-in default',
  derived: 'from GOPRIVATE',
};

export function describeSource(v: EffectiveVar): string {
  return v.path && (v.source === 'env-file' || v.source === 'goroot-env') ? `${SOURCE_LABEL[v.source]} (${v.path})` : SOURCE_LABEL[v.source];
}

/** Lines such as "GOPROXY   https://goproxy.cn|direct   environment". */
export function formatConfigTable(effective: EffectiveConfig, names: readonly (keyof EffectiveConfig)[]): string[] {
  const rows = names.map((n) => effective[n]).filter((v) => v.value !== '' || v.shadows.length > 0);
  const nameWidth = Math.max(...rows.map((v) => v.name.length), 4);
  const valueWidth = Math.min(60, Math.max(...rows.map((v) => display(v.value).length), 5));
  return rows.map((v) => `  ${v.name.padEnd(nameWidth)}  ${display(v.value).padEnd(valueWidth)}  ${describeSource(v)}`);
}

/** One warning per variable whose value hides a different value set somewhere else. */
export function shadowWarnings(effective: EffectiveConfig): string[] {
  const out: string[] = [];
  for (const v of Object.values(effective)) {
    for (const s of v.shadows) {
      if (s.value === v.value) continue;
      const where = s.path ? `${SOURCE_LABEL[s.source]} (${s.path})` : SOURCE_LABEL[s.source];
      out.push(`${v.name} from the ${describeSource(v)} overrides ${v.name}=${display(s.value)} in the ${where}.`);
    }
  }
  return out;
}

export function describeGo(snapshot: GoConfigSnapshot): string {
  if (snapshot.go) return `${snapshot.go.version} (${snapshot.go.binary})`;
  return snapshot.goError ? `unusable: ${snapshot.goError}` : 'not installed (values as go would read them once installed)';
}

function display(value: string): string {
  return value === '' ? '""' : JSON.stringify(redactCredentials(value)).slice(1, -1);
}
