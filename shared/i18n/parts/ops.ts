// The engine catalogue's part for ops: keys begin with "ops.". English first; a key missing in
// Chinese is a compile error.
export const opsEn = {} as const satisfies Readonly<Record<`ops.${string}`, string>>;

export const opsZh: Readonly<Record<keyof typeof opsEn, string>> = {};
