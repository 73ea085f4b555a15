// Commander prints its help and errors in English; everything a user reads is Chinese,
// so titles and the common error messages are translated here, once, for every command.
import { Help, type Command } from 'commander';

const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const errorPatterns: Array<[RegExp, (...m: string[]) => string]> = [
  [/unknown command '([^']*)'/, (c) => `未知命令“${c}”，运行 gongkai --help 查看可用命令。`],
  [/unknown option '([^']*)'/, (o) => `未知选项“${o}”，运行 gongkai <命令> --help 查看可用选项。`],
  [/required option '([^']*)' not specified/, (o) => `缺少必填选项 ${o}。`],
  [/missing required argument '([^']*)'/, (a) => `缺少参数 ${a}。`],
  [/option '([^']*)' argument missing/, (o) => `选项 ${o} 缺少取值。`],
  [
    /too many arguments(?: for '([^']*)')?/,
    () => '参数过多，运行 gongkai <命令> --help 查看用法。',
  ],
  [
    /option '([^']*)' argument '([^']*)' is invalid\.?\s*(.*)/,
    (o, v, why) => `选项 ${o} 的取值“${v}”无效。${why ?? ''}`,
  ],
];

function localiseTerms(s: string): string {
  return s.replace('[options]', '[选项]').replace('[command]', '[命令]');
}

export function translateCommanderError(text: string): string {
  const body = text.replace(/^error:\s*/, '').trim();
  for (const [re, fn] of errorPatterns) {
    const m = re.exec(body);
    if (m) return `错误：${fn(...m.slice(1).map((s) => s ?? ''))}\n`;
  }
  return text;
}

/** Applies Chinese help titles, help option texts and error messages to a command and its future subcommands. */
export function useChineseHelp(program: Command): void {
  program
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({
      styleTitle: (title: string) => titles[title] ?? title,
      commandUsage: (cmd) => localiseTerms(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => localiseTerms(Help.prototype.subcommandTerm.call(new Help(), cmd)),
    })
    .configureOutput({ outputError: (str, write) => write(translateCommanderError(str)) });
}
