/** Bad input to `use` (unknown profile, a template with placeholders, an unwritable file): exit code 2, nothing written. */
export class UseInputError extends Error {
  override name = 'UseInputError';
}
