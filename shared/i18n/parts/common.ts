// Words every engine uses: keys begin with "common.". English first; a key missing in Chinese is
// a compile error.
export const commonEn = {
  'common.unset': '(unset)',
} as const satisfies Readonly<Record<`common.${string}`, string>>;

export const commonZh: Readonly<Record<keyof typeof commonEn, string>> = {
  'common.unset': '（未设置）',
};
