// A translated sentence with elements in it (a value in code style, a link): the catalogue's
// template keeps its {placeholders} (the translators leave unknown ones as they are), and each
// is replaced by its node here, so word order stays the translator's.
import { Fragment, type ReactNode } from 'react';

export function rich(template: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/g);
  return parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[part] ?? `{${part}}`}</Fragment> : part));
}

/** A sentence whose `backticked` parts (commands, diagnostics quoted verbatim) show as code. */
export function withCode(text: string): ReactNode {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>));
}
