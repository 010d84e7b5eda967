// Words every engine uses: keys begin with "common.". English first; a key missing in Chinese is
// a compile error.
export const commonEn = {
  'common.service.range-backwards': 'The end of the time range must come after its start',
  'common.flag-problem': '{flag}: {problem}.',
} as const satisfies Readonly<Record<`common.${string}`, string>>;

export const commonZh: Readonly<Record<keyof typeof commonEn, string>> = {
  'common.service.range-backwards': '时间范围的结束必须晚于开始',
  'common.flag-problem': '{flag}：{problem}。',
};
