// A tiny runtime schema: each request shape in the contract is written once, as a schema,
// and both its TypeScript type (Infer) and the check every transport runs on untrusted
// input (the headless server's JSON bodies, IPC messages from a renderer) derive from it.
// Hand-written because shared/ may not import packages; it covers exactly what requests need.

export type CheckResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Schema<T> {
  readonly describe: string;
  check(value: unknown, path?: string): CheckResult<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const fail = (path: string, what: string): { ok: false; error: string } => ({ ok: false, error: `${path} ${what}` });

export function string(opts: { minLength?: number; maxLength: number }): Schema<string> {
  const min = opts.minLength ?? 0;
  return {
    describe: `string(${min}..${opts.maxLength})`,
    check(value, path = 'value') {
      if (typeof value !== 'string') return fail(path, 'must be a string');
      if (value.length < min) return fail(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
      if (value.length > opts.maxLength) return fail(path, `must have at most ${opts.maxLength} characters`);
      return { ok: true, value };
    },
  };
}

export function integer(opts: { min: number; max: number }): Schema<number> {
  return {
    describe: `integer(${opts.min}..${opts.max})`,
    check(value, path = 'value') {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(path, 'must be a whole number');
      if (value < opts.min || value > opts.max) return fail(path, `must be between ${opts.min} and ${opts.max}`);
      return { ok: true, value };
    },
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    describe: `${inner.describe} | null`,
    check: (value, path = 'value') => (value === null ? { ok: true, value: null } : inner.check(value, path)),
  };
}

/** Adds a semantic rule; `rule` returns null when the value is fine, else what is wrong. */
export function refine<T>(inner: Schema<T>, rule: (value: T) => string | null): Schema<T> {
  return {
    describe: inner.describe,
    check(value, path = 'value') {
      const base = inner.check(value, path);
      if (!base.ok) return base;
      const problem = rule(base.value);
      return problem === null ? base : fail(path, problem);
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
export type ObjectOf<P extends Shape> = { [K in keyof P]: Infer<P[K]> };

/** A plain object with exactly these keys: a missing or an unknown key is an error. */
export function object<P extends Shape>(props: P): Schema<ObjectOf<P>> {
  const keys = Object.keys(props);
  return {
    describe: `{ ${keys.map((k) => `${k}: ${props[k]!.describe}`).join('; ')} }`,
    check(value, path = 'request') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be a JSON object');
      const record = value as Record<string, unknown>;
      const unknown = Object.keys(record).find((k) => !Object.hasOwn(props, k));
      if (unknown !== undefined) return fail(path, `has an unknown field "${unknown}"`);
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        if (!Object.hasOwn(record, k)) return fail(path, `is missing the field "${k}"`);
        const r = props[k]!.check(record[k], `${path}.${k}`);
        if (!r.ok) return r;
        out[k] = r.value;
      }
      return { ok: true, value: out as ObjectOf<P> };
    },
  };
}

/** A type carried by the contract but never checked at run time (responses the main process builds). */
export interface Phantom<T> {
  readonly phantom?: T;
}
export const phantom = <T>(): Phantom<T> => ({});

export function boolean(): Schema<boolean> {
  return {
    describe: 'boolean',
    check: (value, path = 'value') => (typeof value === 'boolean' ? { ok: true, value } : fail(path, 'must be true or false')),
  };
}

/** A finite number in a range (tolerances are fractions, so integer() does not fit). */
export function number(opts: { min: number; max: number }): Schema<number> {
  return {
    describe: `number(${opts.min}..${opts.max})`,
    check(value, path = 'value') {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'must be a number');
      if (value < opts.min || value > opts.max) return fail(path, `must be between ${opts.min} and ${opts.max}`);
      return { ok: true, value };
    },
  };
}

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  return {
    describe: values.map((v) => JSON.stringify(v)).join(' | '),
    check: (value, path = 'value') =>
      typeof value === 'string' && (values as readonly string[]).includes(value) ? { ok: true, value: value as T } : fail(path, `must be one of ${values.join(', ')}`),
  };
}

export function array<T>(inner: Schema<T>, opts: { maxItems: number }): Schema<T[]> {
  return {
    describe: `${inner.describe}[]`,
    check(value, path = 'value') {
      if (!Array.isArray(value)) return fail(path, 'must be a list');
      if (value.length > opts.maxItems) return fail(path, `must have at most ${opts.maxItems} items`);
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) {
        const r = inner.check(value[i], `${path}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    },
  };
}

/**
 * A value checked by a domain validator that already exists (a profile by validateProfile, a
 * network rule by networkRuleProblem): `validate` returns the typed value or what is wrong.
 */
export function custom<T>(describe: string, validate: (value: unknown) => { ok: true; value: T } | { ok: false; error: string }): Schema<T> {
  return {
    describe,
    check(value, path = 'value') {
      const r = validate(value);
      return r.ok ? r : fail(path, r.error);
    },
  };
}
