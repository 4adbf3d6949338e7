// Reads stdin as lines split on "\n" only. readline would also split on a lone "\r", turning one
// hostile question into two answers and breaking the one-line-in, one-line-out contract.
export async function* stdinLines(stream: NodeJS.ReadableStream = process.stdin): AsyncGenerator<string> {
  let buffer = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, at).replace(/\r$/, '');
      buffer = buffer.slice(at + 1);
    }
  }
  if (buffer.length) yield buffer.replace(/\r$/, '');
}

/** Writes a line and waits when stdout is backed up, so a long pipe never buffers without bound. */
export async function writeLine(line: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', resolve));
}
