// Progress of several jobs. On a terminal: one line per job with its state, redrawn in place, and the jobs' messages
// after the display. Elsewhere (a pipe, a log file): one plain line per finished job, its messages just before it.
import type { WriteStream } from 'node:tty';

export type JobState = 'queued' | 'building' | 'done' | 'failed';

export interface Progress {
  /** `text` says how the job ended; `details` are its messages (diagnostics), each line ending in a newline. */
  update(index: number, state: JobState, text?: string, details?: string): void;
  /** Ends the display and prints what was held back. */
  end(): void;
}

const MARK: Record<JobState, string> = { queued: '·', building: '…', done: '✓', failed: '✗' };

export function createProgress(labels: readonly string[], out: NodeJS.WriteStream | WriteStream, err: NodeJS.WriteStream = process.stderr): Progress {
  const states = labels.map((): { state: JobState; text: string } => ({ state: 'queued', text: '' }));
  const width = Math.max(...labels.map((l) => l.length));
  const line = (i: number) => `${MARK[states[i]!.state]} ${labels[i]!.padEnd(width)}  ${states[i]!.text || states[i]!.state}`;

  if (!out.isTTY) {
    return {
      update(index, state, text = '', details = '') {
        states[index] = { state, text };
        if (state !== 'done' && state !== 'failed') return;
        err.write(details);
        out.write(`${labels[index]}: ${text}\n`);
      },
      end() {},
    };
  }

  let drawn = 0;
  const held: string[] = [];
  const draw = () => {
    const columns = out.columns ? out.columns - 1 : Infinity;
    // Back to the first line of the display, then every line rewritten and cleared to its end.
    out.write(`${drawn ? `\x1b[${drawn}A` : ''}${labels.map((_, i) => `\r\x1b[2K${line(i).slice(0, columns)}\n`).join('')}`);
    drawn = labels.length;
  };
  draw();
  return {
    update(index, state, text = '', details = '') {
      states[index] = { state, text };
      if (details) held.push(details);
      draw();
    },
    end() {
      for (const d of held) err.write(d);
    },
  };
}
