// The engine catalogue's part for the tray and the desktop notifications: keys begin with "tray.".
// English first; a key missing in Chinese is a compile error.
export const trayEn = {} as const satisfies Readonly<Record<`tray.${string}`, string>>;

export const trayZh: Readonly<Record<keyof typeof trayEn, string>> = {};
