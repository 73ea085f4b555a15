// Reads a password for the admin commands: from a terminal, twice and without echo; from
// a pipe (`printf '%s\n' "$PW" | gongkai admin …`), its first line. Never from argv, where
// it would land in shell history and process listings.
import { createInterface } from 'node:readline';
import { CliError } from './errors.js';

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as {
      _writeToOutput: (s: string) => void;
      output: NodeJS.WritableStream;
    };
    let asked = false;
    out._writeToOutput = (s: string) => {
      // Print the question once, then nothing of what is typed.
      if (!asked) {
        asked = true;
        process.stderr.write(s);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export async function readNewPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden('请输入密码：');
    const second = await promptHidden('请再次输入密码：');
    if (first !== second) throw new CliError('两次输入的密码不一致，未做任何修改。');
    return first;
  }
  const text = await readAllStdin();
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '')
    throw new CliError(
      '没有读到密码：请在终端中运行并按提示输入，或从标准输入传入密码（第一行）。',
    );
  return line;
}
