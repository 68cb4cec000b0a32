/** The server-sent events of a live page's `/events`, as they come: each line's bytes and its state, parsed. */
export async function* events(url: string): AsyncGenerator<{ bytes: number; state: Record<string, unknown> }> {
  const response = await fetch(`${url}events`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    text += value;
    for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
      const line = text.slice(0, end + 2);
      yield {
        bytes: Buffer.byteLength(line),
        state: JSON.parse(line.slice('data: '.length)) as Record<string, unknown>,
      };
      text = text.slice(end + 2);
    }
  }
}
