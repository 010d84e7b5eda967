// Words every engine uses: keys begin with "common.". English first; a key missing in Chinese is
// a compile error.
export const commonEn = {
  'common.unset': '(unset)',
  // The probe module (shared/bench/probe-module.ts), for --module of bench and watch and the settings.
  'common.probe-module.empty': 'give a module as path@version, e.g. {example}',
  'common.probe-module.bad-path': 'that is not a valid module path ({detail}); give path@version, e.g. {example}',
  'common.probe-module.bad-version': '"{detail}" is not a full semantic version; give one such as v1.2.3, e.g. {example}',
  'common.probe-module.no-version': "give the version too (path@version, e.g. {example}): the probe asks for that version's .info, .mod and .zip",
  'common.probe-module.flag': '--module: {problem}.',
} as const satisfies Readonly<Record<`common.${string}`, string>>;

export const commonZh: Readonly<Record<keyof typeof commonEn, string>> = {
  'common.unset': '（未设置）',
  'common.probe-module.empty': '请以 path@version 的形式给出模块，例如 {example}',
  'common.probe-module.bad-path': '这不是有效的模块路径（`{detail}`）；请给出 path@version，例如 {example}',
  'common.probe-module.bad-version': '"{detail}" 不是完整的语义化版本号；请给出 v1.2.3 这样的版本，例如 {example}',
  'common.probe-module.no-version': '还需要给出版本（path@version，例如 {example}）：探测会请求该版本的 .info、.mod 和 .zip',
  'common.probe-module.flag': '--module：{problem}。',
};
