// The zh-CN check (zh-check.ts) for a command's output: code a message quotes in backticks
// (commands, rc lines, profile ids) is verbatim by nature, so it is removed first, like the
// dashboard's code elements, and so is the "goproxyctl <command>:" that starts an error line (the
// program's name). Returns the English words left, for assert.deepEqual(…, []).
import { checkZhText } from './zh-check.js';

export function zhCliProblems(output: string): string[] {
  const prose = output.replace(/^goproxyctl [a-z]+: /gm, ' ').replace(/`[^`\n]*`/g, ' ');
  const check = checkZhText(prose);
  return check.cjk === 0 ? ['(no Chinese at all)', ...check.english] : check.english;
}
