import type { StoredMail } from '../../../core/mail/mailer.ts';
import { formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { studioTexts } from './studio-texts.ts';

/** Development mailbox: the mails the platform would have sent, with their links clickable. */
export function MailboxPage({ mails }: { mails: StoredMail[] }) {
  const t = useTexts(studioTexts);
  const lang = useLang();
  return (
    <>
      <p>{t.mailboxIntro}</p>
      {mails.length === 0 && <p>{t.mailboxEmpty}</p>}
      {mails.map((m) => (
        <article class="mail" key={m.id}>
          <h2>{m.subject}</h2>
          <p class="mail-meta">
            {t.to}: {m.to} · {t.sentAt}: {formatDate(m.sentAt, lang, { dateStyle: 'short', timeStyle: 'short' })}
          </p>
          <div class="mail-body">
            {m.text.split('\n').map((line, i) => (
              <p key={i}>{/^https?:\/\/\S+$/.test(line.trim()) ? <a href={line.trim()}>{line.trim()}</a> : line}</p>
            ))}
          </div>
        </article>
      ))}
      <p>
        <a href="/studio/anmelden">{t.backToLogin}</a>
      </p>
    </>
  );
}
