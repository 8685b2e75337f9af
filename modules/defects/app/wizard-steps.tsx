import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { defectsTexts } from './defects-texts.ts';
import { MAX_DESCRIPTION, STEPS, type Draft, type StepError } from './wizard-draft.ts';

type Set = (patch: Partial<Draft>) => void;

export function DescriptionStep({ draft, set, invalid }: { draft: Draft; set: Set; invalid: boolean }) {
  const t = useTexts(defectsTexts);
  return (
    <>
      <div class="field">
        <label for="defect-title">{t.titleLabel}</label>
        <input id="defect-title" type="text" maxLength={200} value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="defect-description">{t.descriptionLabel}</label>
        <textarea
          id="defect-description"
          rows={6}
          maxLength={MAX_DESCRIPTION}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'step-error description-hint' : 'description-hint'}
          value={draft.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
        <p id="description-hint" class="choice-hint">
          {fillText(t.descriptionHint, { n: MAX_DESCRIPTION, left: MAX_DESCRIPTION - draft.description.length })}
        </p>
      </div>
    </>
  );
}

/** Optional contact data with consent, the e-mail notice, public display and, when this browser has push on, push. */
export function ContactStep({ draft, set, error, push, pushEndpoint }: { draft: Draft; set: Set; error: StepError | null; push: boolean; pushEndpoint: string | null }) {
  const t = useTexts(defectsTexts);
  const described = (id: string) => (error?.field === id ? { 'aria-invalid': true, 'aria-describedby': 'step-error' } : {});
  return (
    <>
      <p>{t.contactIntro}</p>
      <div class="field">
        <label for="contact-name">{t.name}</label>
        <input id="contact-name" type="text" autoComplete="name" maxLength={200} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="contact-email">{t.email}</label>
        <input id="contact-email" type="email" autoComplete="email" maxLength={254} value={draft.email} onInput={(e) => set({ email: e.currentTarget.value })} {...described('contact-email')} />
      </div>
      <div class="field">
        <label for="contact-phone">{t.phone}</label>
        <input id="contact-phone" type="tel" autoComplete="tel" maxLength={40} value={draft.phone} onInput={(e) => set({ phone: e.currentTarget.value })} {...described('contact-phone')} />
      </div>
      <label class="choice">
        <input id="contact-consent" type="checkbox" checked={draft.consent} onChange={(e) => set({ consent: e.currentTarget.checked })} {...described('contact-consent')} />
        <span>{t.consent}</span>
      </label>
      <label class="choice">
        <input id="contact-notify" type="checkbox" checked={draft.notifyByEmail} onChange={(e) => set({ notifyByEmail: e.currentTarget.checked })} {...described('contact-notify')} />
        <span>{t.notifyByEmail}</span>
      </label>
      <label class="choice">
        <input id="contact-public" type="checkbox" checked={draft.public} onChange={(e) => set({ public: e.currentTarget.checked })} />
        <span>{t.publicLabel}</span>
      </label>
      {push &&
        (pushEndpoint ? (
          <label class="choice">
            <input id="contact-push" type="checkbox" checked={draft.push} onChange={(e) => set({ push: e.currentTarget.checked })} />
            <span>{t.pushOn}</span>
          </label>
        ) : (
          <p class="choice-hint">
            <a href="/einstellungen">{t.pushHint}</a>
          </p>
        ))}
    </>
  );
}

/** Everything once more, each part with a button back to its step. */
export function ReviewStep({ draft, categoryName, pushEndpoint, onEdit }: { draft: Draft; categoryName: string; pushEndpoint: string | null; onEdit: (step: number) => void }) {
  const t = useTexts(defectsTexts);
  const edit = (step: (typeof STEPS)[number], what: string) => (
    <button type="button" class="button-secondary" onClick={() => onEdit(STEPS.indexOf(step))} aria-label={`${t.edit}: ${what}`}>
      {t.edit}
    </button>
  );
  const contact = draft.consent ? [draft.name, draft.email, draft.phone].filter((x) => x.trim()).join(', ') : '';
  const place = draft.place ? draft.place.address || fillText(t.placeNoAddress, { lat: draft.place.lat.toFixed(5), lng: draft.place.lng.toFixed(5) }) : '';
  return (
    <>
      <p>{t.review}</p>
      <dl class="wizard-review">
        <dt>{t.stepCategory}</dt>
        <dd>
          {categoryName} {edit('category', t.stepCategory)}
        </dd>
        <dt>{t.stepPhoto}</dt>
        <dd>
          <ul class="photo-previews">
            {draft.photos.map((p, i) => (
              <li key={p.url}>
                <img src={p.url} alt={fillText(t.photoPreview, { n: i + 1 })} width={96} height={72} />
              </li>
            ))}
          </ul>
          {edit('photo', t.stepPhoto)}
        </dd>
        <dt>{t.stepPlace}</dt>
        <dd>
          {place} {edit('place', t.stepPlace)}
        </dd>
        <dt>{t.stepDescription}</dt>
        <dd>
          {draft.title && <strong>{draft.title}: </strong>}
          <span class="defect-description">{draft.description}</span> {edit('description', t.stepDescription)}
        </dd>
        <dt>{t.stepContact}</dt>
        <dd>
          {contact || t.contactNone}
          <br />
          {t.notifyByEmail}: {draft.consent && draft.notifyByEmail ? t.yes : t.no}
          <br />
          {t.publicLabel}: {draft.public ? t.yes : t.no}
          {pushEndpoint && (
            <>
              <br />
              {t.pushOn}: {draft.push ? t.yes : t.no}
            </>
          )}{' '}
          {edit('contact', t.stepContact)}
        </dd>
      </dl>
    </>
  );
}
