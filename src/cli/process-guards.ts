// A promise rejected with no handler ends a Node process by default. Every known source
// (pdf.js on damaged files) is read in worker threads now; should one still occur in this
// process, it is logged and the server keeps answering — one bad file must not end
// everyone's work. Only the error's name and message are logged: never the request data.
export function containUnhandledRejections(log: (line: string) => void = console.error): void {
  process.on('unhandledRejection', (reason) => {
    const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : typeof reason;
    log(`未处理的异步错误（已记录，程序继续运行）：${what}`);
  });
}
