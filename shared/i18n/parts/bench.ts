// The engine catalogue's part for bench: keys begin with "bench.". English first; a key missing in
// Chinese is a compile error.
export const benchEn = {} as const satisfies Readonly<Record<`bench.${string}`, string>>;

export const benchZh: Readonly<Record<keyof typeof benchEn, string>> = {};
