import { hash, verify, Algorithm } from '@node-rs/argon2';

/** Passwords of studio accounts: argon2id with the library's defaults (OWASP's minimum: 19 MiB, t=2). */
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown accounts are checked against a fixed hash, so the answer takes as long either way.
  try {
    return await verify(stored ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > 200) return 'Das Passwort darf höchstens 200 Zeichen lang sein.';
  if (password.toLowerCase() === email.toLowerCase()) return 'Das Passwort darf nicht die E-Mail-Adresse sein.';
  return null;
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$zObhUPwH8O0A6y1jcbX12w$4c9HI6t2jsD+ze+cqR7UdNgIwrVGZEO7FNXpiCC+Hc0';
