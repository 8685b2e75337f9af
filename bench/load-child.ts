import { runLoad } from './load.ts';
import type { LoadJob, LoadReply } from './load-generator.ts';

/** Entry of the load-generator process: runs the jobs the benchmark sends, one at a time. */
if (!process.send) throw new Error('bench/load-child.ts runs as a child of bench/run.ts');

let queue = Promise.resolve();
process.on('message', (job: LoadJob) => {
  queue = queue.then(async () => {
    let reply: LoadReply;
    try {
      reply = { id: job.id, result: await runLoad(job.url, job.scenario, job.opts) };
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    process.send!(reply);
  });
});
process.on('disconnect', () => process.exit(0));
