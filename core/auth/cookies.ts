/** Cookie header parsing and Set-Cookie values; names and values here are our own (base64url). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(/;\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1) || null;
  }
  return null;
}

export type CookieOptions = { maxAgeSeconds?: number; secure: boolean; httpOnly?: boolean; sameSite?: 'Strict' | 'Lax'; path?: string };

export function setCookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${o.path ?? '/'}`,
    o.maxAgeSeconds !== undefined ? `Max-Age=${o.maxAgeSeconds}` : null,
    o.httpOnly === false ? null : 'HttpOnly',
    `SameSite=${o.sameSite ?? 'Lax'}`,
    o.secure ? 'Secure' : null,
  ]
    .filter(Boolean)
    .join('; ');
}
