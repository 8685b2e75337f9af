import { parentPort } from 'node:worker_threads';
import { encryptForSubscription } from './aes128gcm-encrypt.ts';

/** One message to encrypt, as the pool posts it: strings clone cheaply (see encryption-pool.ts). */
export type EncryptionJob = { id: number; p256dh: string; auth: string; payload: string };
export type EncryptionDone = { id: number; body?: Uint8Array; error?: string };

parentPort!.on('message', (jobs: EncryptionJob[]) => {
  const done: EncryptionDone[] = jobs.map(({ id, p256dh, auth, payload }) => {
    try {
      // Its own buffer (not a slice of Node's shared pool), so it can be transferred, not copied.
      return { id, body: new Uint8Array(encryptForSubscription(p256dh, auth, payload)) };
    } catch (err) {
      return { id, error: (err as Error).message };
    }
  });
  parentPort!.postMessage(done, done.flatMap((d) => (d.body ? [d.body.buffer as ArrayBuffer] : [])));
});
