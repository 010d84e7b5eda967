// The shape every `goproxyctl` subcommand has. Each command lives in its own file under
// commands/ and is loaded lazily (see registry.ts) so `goproxyctl --help` stays fast to start.
import type { ParseArgsConfig } from 'node:util';
import { render, type MessageId } from '../../shared/i18n/catalog.js';
import type { Message } from '../../shared/i18n/message.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop cleanly. */
  signal: AbortSignal;
  /** True when stdout is a terminal (live progress rows are drawn only then). */
  isTTY: boolean;
  /** The language of messages: set by run.ts from --lang, the app's setting, then the OS (cli/lang.ts). */
  lang?: 'en' | 'zh';
}

/** One parsed option, as util.parseArgs returns it. */
export type FlagValue = string | boolean | string[] | boolean[] | undefined;

export interface ParsedArgs {
  values: Record<string, FlagValue>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** One line for `goproxyctl --help`, and the first line of the command's help (registry.ts says the same). */
  summary: MessageId;
  /** What `goproxyctl <name> --help` prints, laid out by help.ts the same way for every command. */
  usage: CommandHelp;
  /** util.parseArgs options; `json`, `help` and `lang` are added for every command. */
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the process exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/**
 * A command's help, as data: help.ts lays it out (Usage, description, Options, Examples, Exit codes)
 * in the user's language. The Options block is generated from the command's parser options, each
 * with its row here, so the help lists exactly what the parser accepts.
 */
export interface CommandHelp {
  /** The command lines (code, the same in every language); the first follows "Usage:". */
  lines: readonly string[];
  /** What the command does, after its summary. */
  about: MessageId;
  /** For commands with subcommands: each one's name (code) and what it does. */
  subcommands?: readonly (readonly [name: string, text: MessageId])[];
  /** One row per parser option (json, lang and help are common and described by help.ts). */
  options: Readonly<Record<string, OptionHelp>>;
  /** Command lines worth copying (code). */
  examples?: readonly string[];
  /** What the command's own exit codes mean; 2 (bad input) and 130/143 (interrupted) are common. */
  exits: readonly (readonly [code: number, text: MessageId])[];
  /** Values of the {placeholders} in this command's help messages (defaults that live in code). */
  params?: Readonly<Record<string, string | number>>;
}

export interface OptionHelp {
  /** The value's name, for options that take one (`--timeout MS`). */
  value?: string;
  text: MessageId;
  /** Options described by this same row (`--enable, --disable`). */
  also?: readonly string[];
}

/**
 * Bad input from the user: printed as one sentence (with the fix) and exit code 2.
 * Never a stack trace.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The sentence as a message, rendered in the user's language (a plain string is printed as is). */
  readonly detail?: Message;

  constructor(sentence: string | Message) {
    // In English as well, for whatever reads `message` (logs, a caller's test).
    super(typeof sentence === 'string' ? sentence : render('en', sentence));
    if (typeof sentence !== 'string') this.detail = sentence;
  }
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * JSON.stringify escapes C0 controls (ESC, BEL) but not DEL, the C1 controls or bidi overrides,
 * which a terminal may act on when --json output is read there. They can only occur inside
 * strings (JSON's own syntax is ASCII), so escaping them keeps the document's meaning.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(terminalSafeJson(JSON.stringify(value, null, 2)) + '\n');
}

/** JSON text (as JSON.stringify wrote it) with DEL, C1 and bidi characters as \u escapes: same document. */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
