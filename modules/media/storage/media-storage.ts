import type { Config } from '../../../core/config.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';

/**
 * Where the library's files live. Keys look like "library/<tenant id>/<random>/960.webp": the
 * tenant's files stay apart and nobody can guess another upload's address.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Removes the objects; keys that do not exist are no error. */
  remove(keys: string[]): Promise<void>;
  /** The address under which a key is served: a path on this host ("/media/…") or an absolute URL. */
  urlOf(key: string): string;
  /** Another origin pages must allow images from (the bucket's), or null when served by this host. */
  readonly imageOrigin: string | null;
}

export function storageFromConfig(config: Config, mediaDir: string): MediaStorage {
  return config.mediaS3 ? new S3Storage(config.mediaS3) : new LocalStorage(mediaDir, '/media');
}
