// The managed block must never change a foreign byte: checked on a corpus of awkward files.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ManagedBlockError, readManagedBlock, removeManagedBlock, writeManagedBlock, type ManagedBlock } from '../../../electron/core/apply/managed-block.js';

const block: ManagedBlock = { comment: '#', lines: ['# Added by goproxyctl.', '[ -f "$HOME/.config/goproxyctl/env.sh" ] && . "$HOME/.config/goproxyctl/env.sh"'] };
const other: ManagedBlock = { comment: '#', lines: ['echo changed'] };

function bigFile(): Buffer {
  // ~5 MB of shell-ish lines with some bytes that are not UTF-8.
  const chunk = Buffer.concat([Buffer.from('export PATH="$PATH:/opt/bin" # comment\n'), Buffer.from([0xc3, 0x28, 0xff, 0x0a])]);
  return Buffer.concat(Array.from({ length: Math.ceil((5 * 1024 * 1024) / chunk.length) }, () => chunk));
}

const corpus: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  'lf file': Buffer.from('alias ll="ls -l"\nexport EDITOR=vim\n'),
  'crlf file': Buffer.from('alias ll="ls -l"\r\nexport EDITOR=vim\r\n'),
  'crlf, no final newline': Buffer.from('alias ll="ls -l"\r\nexport EDITOR=vim'),
  'no final newline': Buffer.from('alias ll="ls -l"\nexport EDITOR=vim'),
  'ends with a lone CR': Buffer.from('a\nb\r'),
  'bom only': Buffer.from([0xef, 0xbb, 0xbf]),
  'bom + crlf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Set-Alias g git\r\n')]),
  'non-utf8 (latin-1 + gbk)': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' '), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('\nexport X=1\n')]),
  'random bytes': Buffer.concat([randomBytes(4096).map((b) => (b === 0x0a ? 0x20 : b)), Buffer.from('\n')]),
  'blank lines only': Buffer.from('\n\n\n'),
  '5 MB': bigFile(),
};

describe('managed block: add then remove gives the original bytes', () => {
  for (const [name, original] of Object.entries(corpus)) {
    it(name, () => {
      const copy = Buffer.from(original);
      const added = writeManagedBlock(original, block);
      assert.ok(original.equals(copy), 'the input buffer itself is not modified');
      assert.ok(added.subarray(0, original.length).equals(original) || name === 'no final newline', 'the original bytes come first, unchanged');
      assert.deepEqual(readManagedBlock(added), block.lines);
      assert.ok(removeManagedBlock(added).equals(original), 'removal restores the exact bytes');
      const rewritten = writeManagedBlock(added, other);
      assert.deepEqual(readManagedBlock(rewritten), other.lines);
      assert.ok(removeManagedBlock(rewritten).equals(original), 'after a rewrite, removal still restores the exact bytes');
      assert.ok(writeManagedBlock(added, block).equals(added), 'writing the same block again changes nothing');
    });
  }
});

describe('managed block: format', () => {
  it('a CRLF file gets a CRLF block, a LF file a LF block', () => {
    const crlf = writeManagedBlock(corpus['crlf file']!, block).toString('latin1');
    assert.equal(crlf.split('\r\n').length - 1, crlf.split('\n').length - 1, 'every line ending is CRLF');
    const lf = writeManagedBlock(corpus['lf file']!, block).toString('latin1');
    assert.ok(!lf.includes('\r'));
  });

  it('lfOnly (bash, zsh): the block is LF in a CRLF file, user lines keep CRLF, removal is byte-exact', () => {
    const lfOnly = { ...block, lfOnly: true };
    const crlf = writeManagedBlock(corpus['crlf file']!, lfOnly).toString('latin1');
    assert.equal(crlf, 'alias ll="ls -l"\r\nexport EDITOR=vim\r\n# >>> goproxyctl >>>\n' + block.lines.join('\n') + '\n# <<< goproxyctl <<<\n');
    const open = writeManagedBlock(corpus['crlf, no final newline']!, lfOnly).toString('latin1');
    assert.equal(open, 'alias ll="ls -l"\r\nexport EDITOR=vim\n# >>> goproxyctl >>>\n' + block.lines.join('\n') + '\n# <<< goproxyctl <<<');
    for (const [name, original] of Object.entries(corpus)) {
      const added = writeManagedBlock(original, lfOnly);
      assert.ok(removeManagedBlock(added).equals(original), `${name}: removal restores the exact bytes`);
      assert.ok(writeManagedBlock(added, lfOnly).equals(added), `${name}: writing again changes nothing`);
    }
    // A CRLF block an older version wrote is rewritten LF in place; what follows it is kept.
    const old = Buffer.from('a\r\n# >>> goproxyctl >>>\r\nold\r\n# <<< goproxyctl <<<\r\nb\r\n');
    assert.equal(writeManagedBlock(old, { ...other, lfOnly: true }).toString('latin1'), 'a\r\n# >>> goproxyctl >>>\necho changed\n# <<< goproxyctl <<<\r\nb\r\n');
  });

  it('a file without a final newline keeps having none', () => {
    const added = writeManagedBlock(corpus['no final newline']!, block);
    assert.equal(added.toString('latin1'), 'alias ll="ls -l"\nexport EDITOR=vim\n# >>> goproxyctl >>>\n' + block.lines.join('\n') + '\n# <<< goproxyctl <<<');
  });

  it('an existing block is replaced in place; text after it stays after it', () => {
    const file = Buffer.from('before\n# >>> goproxyctl >>>\nold line\n# <<< goproxyctl <<<\nafter\n');
    assert.equal(writeManagedBlock(file, other).toString('latin1'), 'before\n# >>> goproxyctl >>>\necho changed\n# <<< goproxyctl <<<\nafter\n');
    assert.equal(removeManagedBlock(file).toString('latin1'), 'before\nafter\n');
  });

  it('the BOM stays first and the block goes at the end', () => {
    const added = writeManagedBlock(corpus['bom + crlf']!, block);
    assert.deepEqual([...added.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(added.toString('latin1').endsWith('# <<< goproxyctl <<<\r\n'));
  });

  it('two blocks (a bad merge): writing keeps one, in the first place; removing removes both', () => {
    const file = Buffer.from('a\n# >>> goproxyctl >>>\nx\n# <<< goproxyctl <<<\nb\n# >>> goproxyctl >>>\ny\n# <<< goproxyctl <<<\nc\n');
    assert.equal(writeManagedBlock(file, other).toString('latin1'), 'a\n# >>> goproxyctl >>>\necho changed\n# <<< goproxyctl <<<\nb\nc\n');
    assert.equal(removeManagedBlock(file).toString('latin1'), 'a\nb\nc\n');
  });

  it('a second block at the very end without a final newline is removed with its line break', () => {
    const file = Buffer.from('a\n# >>> goproxyctl >>>\nx\n# <<< goproxyctl <<<\nb\n# >>> goproxyctl >>>\ny\n# <<< goproxyctl <<<');
    assert.equal(writeManagedBlock(file, other).toString('latin1'), 'a\n# >>> goproxyctl >>>\necho changed\n# <<< goproxyctl <<<\nb');
  });

  it('an unmatched marker is refused rather than guessed at', () => {
    for (const text of ['a\n# >>> goproxyctl >>>\nx\n', 'a\n# <<< goproxyctl <<<\n', '# >>> goproxyctl >>>\n# >>> goproxyctl >>>\n# <<< goproxyctl <<<\n']) {
      assert.throws(() => writeManagedBlock(Buffer.from(text), block), ManagedBlockError);
      assert.throws(() => removeManagedBlock(Buffer.from(text)), ManagedBlockError);
    }
  });

  it('markers are recognised with surrounding whitespace and CRLF, and not inside other text', () => {
    const file = Buffer.from('  # >>> goproxyctl >>>  \r\nx\r\n# <<< goproxyctl <<<\r\necho "# >>> goproxyctl >>>"\r\n');
    assert.equal(removeManagedBlock(file).toString('latin1'), 'echo "# >>> goproxyctl >>>"\r\n');
  });
});
