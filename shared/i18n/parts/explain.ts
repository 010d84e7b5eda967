// The engine catalogue's part for explain: keys begin with "explain.". English first; a key missing in
// Chinese is a compile error.
export const explainEn = {} as const satisfies Readonly<Record<`explain.${string}`, string>>;

export const explainZh: Readonly<Record<keyof typeof explainEn, string>> = {};
