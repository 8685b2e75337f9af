/**
 * Removes a secret (the tenant's API key) from text bound for logs, run rows or the studio. An
 * upstream may echo the key in an error body; nothing we write may carry it.
 */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('***');
}
