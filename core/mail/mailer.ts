import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };

/** Sends the platform's mails: through SMTP when SMTP_URL is set, else into a folder (development). */
export interface Mailer {
  readonly kind: 'smtp' | 'folder';
  send(mail: Mail): Promise<void>;
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private transport;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

export type StoredMail = Mail & { id: string; sentAt: string };

/** Development: every mail is a JSON file in DATA_DIR/mail, shown by the studio's mailbox page. */
export class FolderMailer implements Mailer {
  readonly kind = 'folder';
  constructor(private readonly dir: string) {}
  async send(mail: Mail): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const sentAt = new Date().toISOString();
    const id = `${sentAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify({ id, sentAt, ...mail }, null, 2));
  }
  /** Newest first. */
  list(limit = 50): StoredMail[] {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    return files
      .sort()
      .reverse()
      .slice(0, limit)
      .map((f) => JSON.parse(readFileSync(path.join(this.dir, f), 'utf8')) as StoredMail);
  }
}

export function createMailer(o: { smtpUrl?: string; mailFrom: string; dataDir: string }): Mailer {
  return o.smtpUrl ? new SmtpMailer(o.smtpUrl, o.mailFrom) : new FolderMailer(path.join(o.dataDir, 'mail'));
}
