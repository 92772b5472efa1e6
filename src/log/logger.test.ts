import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

describe('the logger', () => {
  it('writes each key once when a child repeats a binding of its parent (the innermost wins)', async () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger
      .child({ module: 'daemon' })
      .child({ module: 'scheduler', model: 'a' })
      .info({ model: 'b' }, 'tick');
    await new Promise((resolve) => setImmediate(resolve));
    const line = out.text().trim();
    expect(line.match(/"module"/g)).toHaveLength(1);
    expect(line.match(/"model"/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ module: 'scheduler', model: 'b', msg: 'tick' });
  });

  it('on a terminal writes a readable line that first clears the line a progress bar is drawn on', async () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, terminal: true });
    logger
      .child({ module: 'summarize' })
      .warn({ id: '2605.00051', error: 'api: 401 refused' }, 'summary failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe(
      '\r\x1b[Kwarn  summary failed  module=summarize  id=2605.00051  error="api: 401 refused"\n',
    );
  });
});
