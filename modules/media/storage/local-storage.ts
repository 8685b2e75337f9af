import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaStorage } from './media-storage.ts';

/** Files under DATA_DIR/media, which the core serves at /media/. */
export class LocalStorage implements MediaStorage {
  readonly imageOrigin = null;

  constructor(
    private readonly root: string,
    private readonly urlPrefix: string,
  ) {}

  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data, { flag: 'wx' });
  }

  async remove(keys: string[]): Promise<void> {
    const folders = new Set<string>();
    for (const key of keys) {
      const file = this.fileOf(key);
      await rm(file, { force: true });
      folders.add(path.dirname(file));
    }
    // An upload's files share one random folder; drop it once empty (rmdir fails otherwise, which is fine).
    for (const folder of folders) await rmdir(folder).catch(() => {});
  }

  urlOf(key: string): string {
    return `${this.urlPrefix}/${key}`;
  }

  /** Keys are built by the library, but a path must never leave the media folder whatever happens. */
  private fileOf(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`media key outside the media folder: ${key}`);
    return file;
  }
}
