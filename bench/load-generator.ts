import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadOptions, LoadResult } from './load.ts';
import type { Scenario } from './scenario.ts';

export type LoadJob = { id: number; url: string; scenario: Scenario; opts: LoadOptions };
export type LoadReply = { id: number; result?: LoadResult; error?: string };

/**
 * autocannon in its own process (bench/load-child.ts), so the load generator neither competes
 * with the server for its event loop nor counts towards its memory. One run at a time.
 */
export class LoadGenerator {
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: LoadReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(`load generator: ${m.error ?? 'no result'}`));
    });
    child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`load generator exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  static start(): LoadGenerator {
    // fork() passes on process.execArgv, which carries tsx's loader.
    const child = fork(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new LoadGenerator(child);
  }

  run(url: string, scenario: Scenario, opts: LoadOptions): Promise<LoadResult> {
    const job: LoadJob = { id: this.nextId++, url, scenario, opts };
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.child.send(job);
    });
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}
