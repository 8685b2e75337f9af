/** Stored media paths ("/media/…") become absolute URLs on the host the client asked. */
export function absoluteUrl(url: string | null | undefined, origin: string): string | null {
  if (!url) return url ?? null;
  return url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url;
}
