import type { ReportStatus } from '../model/statuses.ts';

/**
 * What the device keeps for the Mängelmelder, in IndexedDB (Blobs are kept as they are): reports waiting to be sent (with their photos as Blobs) and the
 * reports filed from this device ("Meine Meldungen").
 */

/** The JSON part of POST /api/v1/defects/reports (see modules/defects/README.md). */
export type ReportPayload = {
  categoryCode: string;
  title: string;
  description: string;
  location: { lat: number; lng: number };
  contact?: { name: string; email: string; phone: string };
  consent: boolean;
  notifyByEmail: boolean;
  public: boolean;
  deviceId: string;
  submissionKey: string;
  pushEndpoint?: string;
};

/** A report not yet accepted by the server. Its key is the submissionKey, made once per report. */
export type QueuedReport = {
  key: string;
  report: ReportPayload;
  photos: { blob: Blob; name: string }[];
  /** The honeypot field as the form had it (empty for people). */
  website: string;
  categoryName: string;
  createdAt: string;
  /** waiting: sent when online; error: refused by the server (4xx other than 429), shown to the person. */
  state: 'waiting' | 'error';
  error: string | null;
};

/** A report the server accepted from this device. */
export type MyReport = { id: number; key: string; title: string; categoryName: string; createdAt: string; status: ReportStatus; moderation: string; public: boolean; updatedAt: string | null };

const DB = 'dp-defects';
const QUEUE = 'queue';
const MINE = 'mine';

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(QUEUE, { keyPath: 'key' });
      req.result.createObjectStore(MINE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opened = null;
      reject(req.error);
    };
  });
  return opened;
}

async function run<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const req = work(tx);
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const queuedReports = async () => (await run<QueuedReport[]>([QUEUE], 'readonly', (tx) => tx.objectStore(QUEUE).getAll())) ?? [];
export const queuedReport = (key: string) => run<QueuedReport | undefined>([QUEUE], 'readonly', (tx) => tx.objectStore(QUEUE).get(key));
export const myReports = async () => (await run<MyReport[]>([MINE], 'readonly', (tx) => tx.objectStore(MINE).getAll())) ?? [];

/** Puts by key: queuing the same report twice keeps one entry. */
export const putQueued = (entry: QueuedReport) => run([QUEUE], 'readwrite', (tx) => void tx.objectStore(QUEUE).put(entry));
export const removeQueued = (key: string) => run([QUEUE], 'readwrite', (tx) => void tx.objectStore(QUEUE).delete(key));

/** Accepted: into "my reports" and out of the queue in one transaction, so a report is never in both or neither. */
export const markAccepted = (key: string, mine: MyReport) =>
  run([QUEUE, MINE], 'readwrite', (tx) => {
    tx.objectStore(MINE).put(mine);
    tx.objectStore(QUEUE).delete(key);
  });

export const updateMine = (reports: MyReport[]) =>
  run([MINE], 'readwrite', (tx) => {
    for (const r of reports) tx.objectStore(MINE).put(r);
  });
