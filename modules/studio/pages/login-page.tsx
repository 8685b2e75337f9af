import { useTexts } from '../../web-app/client/i18n.ts';
import { studioTexts } from './studio-texts.ts';
import { FormMessages } from './form-messages.tsx';

export type LoginPageProps = { csrf: string; email: string; next: string; error: string | null; notice: string | null; devMailbox: boolean };

/** The login form; errors are announced (role=alert) and tied to the fields. */
export function LoginPage({ csrf, email, next, error, notice, devMailbox }: LoginPageProps) {
  const t = useTexts(studioTexts);
  const invalid = error ? { 'aria-describedby': 'form-error', 'aria-invalid': 'true' as const } : {};
  return (
    <>
      <FormMessages error={error} notice={notice} summary={t.errorSummary} />
      <form method="post" action="/studio/anmelden" class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="weiter" value={next} />
        <p>
          <label for="email">{t.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} {...invalid} />
        </p>
        <p>
          <label for="password">{t.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required {...invalid} />
        </p>
        <p>
          <label for="code">{t.code}</label>
          <input id="code" name="code" type="text" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxLength={8} class="code-input" />
        </p>
        <p>
          <button type="submit">{t.login}</button>
        </p>
      </form>
      <p>
        <a href="/studio/passwort-vergessen">{t.forgot}</a>
        {devMailbox && (
          <>
            {' · '}
            <a href="/studio/postfach">{t.mailbox}</a>
          </>
        )}
      </p>
    </>
  );
}
