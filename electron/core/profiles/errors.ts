/** Bad input about profiles (unknown id, invalid document, id clash): one sentence with the fix. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}
