import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { encryptForSubscription } from './aes128gcm-encrypt.ts';
import type { EncryptionDone, EncryptionJob } from './encryption-worker.ts';

type Waiting = EncryptionJob & { resolve: (body: Buffer) => void; reject: (err: Error) => void };
type Thread = { worker: Worker; waiting: Map<number, Waiting>; answered: boolean; idle?: NodeJS.Timeout };

/** More threads than this gain little: the HTTP side of a delivery stays on the event loop. */
const MAX_THREADS = 4;
/** Pushes come in bursts; a thread holds some 35 MB, so it goes after a minute without work. */
const IDLE_MS = 60_000;

export type EncryptionPoolOptions = {
  /** 0: encrypt on the calling thread. Default: one per core, at most MAX_THREADS. */
  threads?: number;
  /** Tests only: the thread's script. */
  script?: URL;
  idleMs?: number;
};

/** Encrypts on the calling thread, settling the job's promise either way. */
function encryptHere(job: Waiting): void {
  try {
    job.resolve(encryptForSubscription(job.p256dh, job.auth, job.payload));
  } catch (err) {
    job.reject(err as Error);
  }
}

/**
 * Threads that encrypt Web Push messages (decision 021). ECDH and the rest of RFC 8291 cost more
 * CPU than sending the request; on their own threads they run beside the event loop, which
 * keeps the HTTP side — and the server's other requests — going. Messages asked for in one turn
 * of the event loop go to the threads as one batch each. A thread that stops has its messages
 * encrypted here; one that never answered (it could not start) turns the threads off.
 */
export class EncryptionPool {
  private threads: Thread[] = [];
  private queue: Waiting[] = [];
  private nextId = 0;
  private turn = 0;

  private size: number;
  private readonly script: URL;
  private readonly idleMs: number;

  constructor(options: EncryptionPoolOptions = {}) {
    this.size = options.threads ?? Math.min(MAX_THREADS, availableParallelism());
    this.script = options.script ?? new URL('./encryption-worker.mjs', import.meta.url);
    this.idleMs = options.idleMs ?? IDLE_MS;
  }

  /** How many threads run now. */
  get running(): number {
    return this.threads.length;
  }

  encrypt(p256dh: string, auth: string, payload: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const job: Waiting = { id: this.nextId++, p256dh, auth, payload, resolve, reject };
      if (!this.size) return encryptHere(job);
      if (this.queue.push(job) === 1) setImmediate(() => this.flush());
    });
  }

  /** Stops the threads; their messages are finished here. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    if (!this.size) return jobs.forEach(encryptHere);
    // Only as many threads as there are messages: a thread without work would idle for nothing.
    while (this.threads.length < Math.min(this.size, jobs.length)) this.threads.push(this.start());
    const share = Math.ceil(jobs.length / this.threads.length);
    for (let i = 0; i < jobs.length; i += share) {
      const thread = this.threads[this.turn++ % this.threads.length]!;
      const batch = jobs.slice(i, i + share);
      for (const job of batch) thread.waiting.set(job.id, job);
      clearTimeout(thread.idle);
      thread.worker.postMessage(batch.map(({ id, p256dh, auth, payload }): EncryptionJob => ({ id, p256dh, auth, payload })));
      thread.worker.ref();
    }
  }

  private start(): Thread {
    const worker = new Worker(this.script);
    const thread: Thread = { worker, waiting: new Map(), answered: false };
    // Held only while it has work (flush refs it): a thread never given any must not keep the process alive.
    worker.unref();
    worker.on('message', (done: EncryptionDone[]) => {
      thread.answered = true;
      for (const { id, body, error } of done) {
        const job = thread.waiting.get(id);
        thread.waiting.delete(id);
        if (body) job?.resolve(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
        else job?.reject(new Error(error));
      }
      // An idle thread must not keep the process alive (a busy one must), nor stay for long.
      if (thread.waiting.size) return;
      worker.unref();
      thread.idle = setTimeout(() => void worker.terminate(), this.idleMs).unref();
    });
    const stopped = () => {
      clearTimeout(thread.idle);
      this.threads = this.threads.filter((t) => t !== thread);
      const jobs = [...thread.waiting.values()];
      thread.waiting.clear();
      jobs.forEach(encryptHere);
    };
    worker.on('error', () => {
      // Could not even start (no tsx, no memory): every later thread would fail the same way.
      if (!thread.answered) this.size = 0;
    });
    worker.on('exit', stopped);
    return thread;
  }
}
