import type { TestPlatform } from '../../../test/harness.ts';

/** Form-level helpers for studio tests over fastify.inject (no browser). */
export type Res = { statusCode: number; headers: Record<string, any>; body: string };

export function setCookieLine(res: Res, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const list: string[] = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.find((x) => x.startsWith(`${name}=`));
}

export function cookieOf(res: Res, name: string): string | null {
  const line = setCookieLine(res, name);
  return line ? line.slice(name.length + 1).split(';')[0]! : null;
}

export type Upload = { name: string; data: Buffer; type?: string };

/** A multipart body as a browser sends it: the fields in order, then the file (field "datei"). */
export async function multipartBody(fields: Record<string, string>, file?: Upload) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('datei', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}

export const hiddenField = (html: string, name = '_csrf') => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

export function studioClient(p: TestPlatform, defaultHost: string) {
  const get = (url: string, cookie = '', host = defaultHost) => p.http.inject({ method: 'GET', url, headers: { host, cookie } }) as Promise<Res>;
  /** Posts a form; a list value is sent as repeated fields (a multiple select). */
  const post = (url: string, form: Record<string, string | string[]>, cookie = '', extra: Record<string, string> = {}, host = defaultHost) =>
    p.http.inject({
      method: 'POST',
      url,
      headers: { host, cookie, 'content-type': 'application/x-www-form-urlencoded', ...extra },
      payload: new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString(),
    }) as Promise<Res>;

  /** Opens a form page (getting its CSRF cookie) and submits it with the page's token. */
  async function submit(formUrl: string, actionUrl: string, fields: Record<string, string>, opts: { host?: string; extraCookie?: string } = {}) {
    const host = opts.host ?? defaultHost;
    const page = await get(formUrl, opts.extraCookie ?? '', host);
    const csrfCookie = cookieOf(page, 'dp_login_csrf');
    const cookie = [csrfCookie ? `dp_login_csrf=${csrfCookie}` : '', opts.extraCookie].filter(Boolean).join('; ');
    return post(actionUrl, { ...fields, _csrf: hiddenField(page.body) }, cookie, {}, host);
  }

  async function login(email: string, password: string, opts: { host?: string; extraCookie?: string } = {}) {
    const res = await submit('/studio/anmelden', '/studio/anmelden', { email, password }, opts);
    return { res, session: cookieOf(res, 'dp_session') };
  }

  /** Logs in and returns the session cookie and the session's CSRF token (from the start page). */
  async function session(email: string, password: string, host = defaultHost) {
    const { session: token } = await login(email, password, { host });
    if (!token) throw new Error(`login ${email} failed`);
    const cookie = `dp_session=${token}`;
    return { cookie, csrf: hiddenField((await get('/studio', cookie, host)).body) };
  }

  return { get, post, submit, login, session };
}
