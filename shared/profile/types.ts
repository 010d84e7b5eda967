// A profile: one complete Go module-proxy configuration the user can switch to. Stored and
// exchanged as JSON (schema version 1). Credentials appear only as origins that point at the
// keychain; a secret never appears in a profile.

export const PROFILE_SCHEMA = 1;

export const PROFILE_SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export type ProfileShell = (typeof PROFILE_SHELLS)[number];

/** The separator written after an entry: "," falls through only on 404/410, "|" on any error. */
export type Separator = ',' | '|';

export interface ProxyEntry {
  /** A proxy URL (https://, http:// or file://), or the keyword "direct" or "off". */
  url: string;
  /** The separator after this entry; omitted on the last one. */
  separator?: Separator;
}

export interface CredentialRef {
  /** https://host[:port] of a proxy whose credentials live in the keychain (`goproxyctl auth set`). */
  origin: string;
}

export interface ProfileTargets {
  /** Write the go env file (`go env -w`). */
  goEnv: boolean;
  /** Shells whose startup files get the managed block; null: the login shell plus every shell in use. */
  shells: ProfileShell[] | null;
}

/** "Through the local relay": go asks the relay on 127.0.0.1:<port> first, then the chain itself. */
export interface RelayOption {
  port: number;
}

/** The port the editor proposes when the user turns the relay option on. */
export const DEFAULT_RELAY_PORT = 7070;

export interface Profile {
  schema: typeof PROFILE_SCHEMA;
  id: string;
  name: string;
  description?: string;
  goproxy: ProxyEntry[];
  /** null: leave GOSUMDB unset, so go uses its default (sum.golang.org). */
  gosumdb: string | null;
  /** Comma-separated prefix globs; "" unsets the variable. */
  goprivate: string;
  /** null: unset, so go derives it from GOPRIVATE. */
  gonoproxy: string | null;
  /** null: unset, so go derives it from GOPRIVATE. */
  gonosumdb: string | null;
  goinsecure: string;
  /** Omitted: the profile leaves GOFLAGS alone; "" unsets it. */
  goflags?: string;
  credentials: CredentialRef[];
  targets: ProfileTargets;
  /**
   * Omitted or null: go walks `goproxy` itself. Set: `use` writes
   * GOPROXY=http://127.0.0.1:<port>|<goproxy>, so go goes through the local relay (goproxyctl relay,
   * watch or the tray app) and falls back to the chain when the relay is not running.
   */
  relay?: RelayOption | null;
}

/** A placeholder the user must replace before a template profile can be applied, e.g. <PRIVATE_PROXY_URL>. */
export const PLACEHOLDER = /<[A-Z][A-Z0-9_]*>/;
