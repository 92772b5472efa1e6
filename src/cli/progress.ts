/**
 * Progress of long work: a bar on a terminal (cli-progress, loaded only then), otherwise one
 * log line per tenth of the work, so pipes and log files stay readable.
 */
import type { Logger } from '../log/logger.ts';

export interface ProgressSink {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

async function terminalProgress(stream: NodeJS.WriteStream, unit: string): Promise<ProgressSink> {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      stream,
      format: `{label} [{bar}] {value}/{total} ${unit}, eta {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let current: string | undefined;
  return {
    update(label, done, total) {
      if (current !== label) {
        if (current !== undefined) bar.stop();
        bar.start(total, done, { label });
        current = label;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop: () => {
      if (current !== undefined) bar.stop();
    },
  };
}

function logProgress(logger: Logger, unit: string): ProgressSink {
  const lastTenth = new Map<string, number>();
  return {
    update(label, done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (lastTenth.get(label) === tenth) return;
      lastTenth.set(label, tenth);
      logger.info({ label, done, total, unit }, 'progress');
    },
    stop: () => undefined,
  };
}

export async function createProgress(
  logger: Logger,
  unit: string,
  stream = process.stderr,
): Promise<ProgressSink> {
  return stream.isTTY ? terminalProgress(stream, unit) : logProgress(logger, unit);
}
