// The fish scanner: where each top-level statement starts and ends, and which files do not parse.
// The real fish (`fish --no-execute`) judges whole files in the integration tests
// (test/integration/doctor/rc-scan.test.ts and rc-property.test.ts); here only the layout itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fishLayout } from '../../../shared/doctor/fish-layout.js';

function spans(text: string): string[] | string {
  const layout = fishLayout(text);
  return layout.ok ? layout.statements.map((s) => `${s.firstLine}-${s.lastLine}`) : layout.error;
}

test('blocks are one statement from their keyword to their end, nested or with else if', () => {
  assert.deepEqual(spans('set -gx A 1\nif test -n "$X"\n  if true\n    set -gx B 2\n  end\nelse if false\n  set C 3\nelse\nend\nset D 4\n'), ['1-1', '2-9', '10-10']);
  assert.deepEqual(spans('function f --description "x"\n  switch $argv\n    case a\n      echo a\n  end\nend\n'), ['1-6']);
  assert.deepEqual(spans('begin; set -gx A 1; end; set B 2\n'), ['1-1', '1-1']);
  assert.deepEqual(spans('while true; break; end\nfor i in 1 2\nend\n'), ['1-1', '2-3']);
});

test('quotes, escapes, comments and continuation do not end or open anything', () => {
  assert.deepEqual(spans("set -l msg 'a\nend\nif'\nset B 2\n"), ['1-3', '4-4']);
  assert.deepEqual(spans('set -l msg "it\\"s \\$x\n end"\n'), ['1-2']);
  assert.deepEqual(spans('# if this were code it would open a block\nset -gx A \\\n  b\n'), ['2-3']);
  assert.deepEqual(spans('echo end # end\nset x (begin; echo a; end)\n'), ['1-1', '2-2']);
  assert.deepEqual(spans('test -n "$X"; and set -gx A 1\ntrue && set B 2\n'), ['1-1', '1-1', '2-2']);
});

test('an unbalanced file is reported with its line', () => {
  assert.match(spans('if true\n  set A 1\n') as string, /line 3: a block .* is never closed with "end"/);
  assert.match(spans('set A 1\nend\n') as string, /^line 2: "end" without a block to close$/);
  assert.match(spans("set A 'x\n") as string, /^line 1: the quote ' is never closed$/);
  assert.match(spans('set A (echo x\n') as string, /"\(" is never closed/);
});
