import http from 'node:http';

export type HttpResponse = { status: number; contentType: string; body: string };

/**
 * One HTTP request over a real socket (node:http, not fetch: fetch will not send our own Host
 * header, and the Host picks the municipality).
 */
export function httpRequest(url: string, opts: { method: string; headers: Record<string, string>; body?: string }): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method, headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
