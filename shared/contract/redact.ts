// Passwords inside URLs (GOPROXY=https://user:pass@host) must never reach the state, a log or
// the UI. Go's own Redacted() replaces the password with "xxxxx"; this does the same for every
// URL embedded in a free-form value (GOPROXY lists, GOSUMDB "name+key url", error messages).

const USERINFO_WITH_PASSWORD = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@\s,|:]*):([^/?#\s,|]*)@/g;

export function redactCredentials(text: string): string {
  return text.replace(USERINFO_WITH_PASSWORD, (_m, scheme: string, user: string) => `${scheme}${user}:xxxxx@`);
}
