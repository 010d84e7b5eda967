// The engine catalogue's part for cli: keys begin with "cli.". English first; a key missing in
// Chinese is a compile error.
export const cliEn = {} as const satisfies Readonly<Record<`cli.${string}`, string>>;

export const cliZh: Readonly<Record<keyof typeof cliEn, string>> = {};
