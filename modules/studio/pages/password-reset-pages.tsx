import { useTexts } from '../../web-app/client/i18n.ts';
import { studioTexts } from './studio-texts.ts';
import { FormMessages } from './form-messages.tsx';

export function ForgotPasswordPage({ csrf, email, error, notice }: { csrf: string; email: string; error: string | null; notice: string | null }) {
  const t = useTexts(studioTexts);
  return (
    <>
      <p>{t.forgotIntro}</p>
      <FormMessages error={error} notice={notice} />
      <form method="post" action="/studio/passwort-vergessen" class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <p>
          <label for="email">{t.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} {...(error ? { 'aria-describedby': 'form-error', 'aria-invalid': 'true' } : {})} />
        </p>
        <p>
          <button type="submit">{t.sendLink}</button>
        </p>
      </form>
      <p>
        <a href="/studio/anmelden">{t.backToLogin}</a>
      </p>
    </>
  );
}

export function NewPasswordPage({ csrf, token, error }: { csrf: string; token: string; error: string | null }) {
  const t = useTexts(studioTexts);
  const invalid = error ? { 'aria-describedby': 'form-error', 'aria-invalid': 'true' as const } : {};
  return (
    <>
      <FormMessages error={error} />
      <form method="post" action="/studio/passwort-neu" class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="token" value={token} />
        <p>
          <label for="password">{t.newPassword}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minLength={10} {...invalid} />
        </p>
        <p>
          <label for="repeat">{t.repeatPassword}</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minLength={10} {...invalid} />
        </p>
        <p>
          <button type="submit">{t.savePassword}</button>
        </p>
      </form>
    </>
  );
}
