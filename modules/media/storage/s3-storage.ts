import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import type { MediaS3Config } from '../../../core/config.ts';
import type { MediaStorage } from './media-storage.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * An S3-compatible bucket (AWS, MinIO, Garage, Ceph …), path-style, requests signed with SigV4 by
 * aws4fetch. Objects are public-read through MEDIA_S3_PUBLIC_URL (a bucket policy or a CDN in front).
 */
export class S3Storage implements MediaStorage {
  readonly imageOrigin: string;
  private readonly client: AwsClient;

  constructor(private readonly s3: MediaS3Config) {
    this.client = new AwsClient({ accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey, service: 's3', region: s3.region, retries: 2 });
    this.imageOrigin = new URL(s3.publicUrl).origin;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const res = await this.client.fetch(this.objectUrl(key), {
      method: 'PUT',
      body: new Uint8Array(data),
      headers: {
        'content-type': contentType,
        // Object names are random and never reused, so caches may keep them for good.
        'cache-control': 'public, max-age=31536000, immutable',
        // Signed payload hash (aws4fetch would send UNSIGNED-PAYLOAD for a byte array): the bucket rejects a damaged body.
        'x-amz-content-sha256': sha256(data),
      },
    });
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }

  async remove(keys: string[]): Promise<void> {
    for (const key of keys) {
      const res = await this.client.fetch(this.objectUrl(key), { method: 'DELETE', headers: { 'x-amz-content-sha256': sha256(Buffer.alloc(0)) } });
      if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
  }

  urlOf(key: string): string {
    return `${this.s3.publicUrl}/${key}`;
  }

  private objectUrl(key: string): string {
    return `${this.s3.endpoint}/${this.s3.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }
}
