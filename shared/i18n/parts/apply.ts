// The engine catalogue's part for apply: keys begin with "apply.". English first; a key missing in
// Chinese is a compile error.
export const applyEn = {} as const satisfies Readonly<Record<`apply.${string}`, string>>;

export const applyZh: Readonly<Record<keyof typeof applyEn, string>> = {};
