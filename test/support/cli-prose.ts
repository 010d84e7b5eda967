// What a person reads as prose in goproxyctl's terminal output, for the zh-CN check
// (zh-check.ts): the terminal has no code elements, so what is code by the CLI's own layout is
// removed here, in this order:
//   1. the Examples section (command lines, every one of them code);
//   2. `backticked` spans (commands, JSON fields, file names inside sentences) and "quoted" ones
//      (ASCII quotes hold a value verbatim: what the user typed, a separator; prose quotes in
//      Chinese are “”);
//   3. the command lines of "Usage:" (the label stays) and indented lines that are commands;
//   4. the "goproxyctl <command>:" in front of an error sentence (the program's name);
//   5. the first column of a two-column row (option names with their values, subcommand names,
//      exit codes, command names): help.ts lays rows out as two spaces, the name, two spaces;
//   6. --options and -h-style flags inside sentences.
const EXAMPLES_HEADINGS = ['Examples:', '示例：'];
const USAGE_LABEL = /^(Usage:|用法：)\s*goproxyctl\s.*$/;

export function cliProse(output: string): string {
  const kept: string[] = [];
  let inExamples = false;
  for (const line of output.split('\n')) {
    if (EXAMPLES_HEADINGS.includes(line.trim())) inExamples = true;
    else if (line.trim() === '') inExamples = false;
    if (inExamples) continue;
    const prose = line
      .replace(/`[^`]*`/g, ' ')
      .replace(/"[^"]*"/g, ' ')
      .replace(USAGE_LABEL, '$1')
      .replace(/^\s+goproxyctl\s.*$/, '')
      .replace(/^goproxyctl( [a-z-]+)?: /, '')
      .replace(/^ {2}\S.*?\s{2,}/, ' ')
      .replace(/(^|[\s(（，、：:;；])-{1,2}[A-Za-z][\w-]*(=\S*)?/g, '$1 ');
    kept.push(prose);
  }
  return kept.join('\n');
}
