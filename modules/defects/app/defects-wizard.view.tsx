import { useEffect, useRef, useState } from 'preact/hooks';
import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { currentSubscription } from '../../web-app/client/web-push.ts';
import type { DefectWizardData } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';
import { myReports, putQueued, queuedReport } from './device-store.ts';
import { useQueueSync } from './queue-hooks.ts';
import { flushQueue } from './send-queue.ts';
import { WAITING_FLAG } from './resume-sending.ts';
import { PhotoStep } from './wizard-photos.tsx';
import { NearbyList, PlaceStep, useNearby } from './wizard-place.tsx';
import { ContactStep, DescriptionStep, ReviewStep } from './wizard-steps.tsx';
import { STEPS, deviceId, emptyDraft, newSubmissionKey, payloadOf, stepError, type Draft, type Place, type StepError } from './wizard-draft.ts';

type Outcome = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; id: number; moderated: boolean } | { kind: 'queued' } | { kind: 'failed'; message: string } | { kind: 'discarded'; id: number };

/**
 * `/maengelmelder/melden`: category → photos → place → description → contact → review → send.
 * Sending first puts the report into the device's queue under its submissionKey (made once per
 * report), then sends the queue: without a connection it waits there and goes out later, once.
 */
export default function DefectWizardView({ data }: ViewProps<DefectWizardData>) {
  const t = useTexts(defectsTexts);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<StepError | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'editing' });
  const [pushEndpoint, setPushEndpoint] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const nearby = useNearby(draft.place, draft.categoryCode);
  const category = data.categories.find((c) => c.code === draft.categoryCode);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPlace = (place: Place | null) => setDraft((d) => ({ ...d, place }));

  useEffect(() => {
    if (!data.push || !('serviceWorker' in navigator)) return;
    currentSubscription()
      .then((s) => setPushEndpoint(s?.endpoint ?? null))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    heading.current?.focus();
  }, [step, outcome.kind]);

  const go = (to: number) => {
    setError(null);
    setOutcome((o) => (o.kind === 'failed' ? { kind: 'editing' } : o));
    setStep(to);
  };
  const next = () => {
    const problem = stepError(STEPS[step]!, draft, t);
    setError(problem);
    if (problem) return document.getElementById(problem.field)?.focus();
    go(step + 1);
  };
  /** A report shown as waiting may go out later (online again, or sent from another tab). */
  const settle = async (submissionKey: string) => {
    const left = await queuedReport(submissionKey);
    if (left?.state === 'error') return setOutcome({ kind: 'failed', message: left.error ?? '' });
    if (left) return setOutcome({ kind: 'queued' });
    const mine = (await myReports()).find((r) => r.key === submissionKey);
    setOutcome({ kind: 'sent', id: mine?.id ?? 0, moderated: mine?.moderation === 'pending' });
  };
  useQueueSync(() => {
    if (key.current && outcome.kind === 'queued') void settle(key.current);
  });
  const send = async () => {
    setOutcome({ kind: 'sending' });
    key.current ??= newSubmissionKey();
    const submissionKey = key.current;
    await putQueued({
      key: submissionKey,
      report: payloadOf(draft, { submissionKey, deviceId: deviceId(), pushEndpoint }),
      photos: draft.photos.map((p) => ({ blob: p.blob, name: p.name })),
      website: draft.website,
      categoryName: category?.name ?? '',
      createdAt: new Date().toISOString(),
      state: 'waiting',
      error: null,
    });
    localStorage.setItem(WAITING_FLAG, '1');
    if (navigator.onLine) await flushQueue().catch(() => undefined);
    await settle(submissionKey);
  };
  const restart = () => {
    draft.photos.forEach((p) => URL.revokeObjectURL(p.url));
    key.current = null;
    setDraft(emptyDraft());
    setOutcome({ kind: 'editing' });
    go(0);
  };
  const same = (id: number) => {
    draft.photos.forEach((p) => URL.revokeObjectURL(p.url));
    setDraft(emptyDraft());
    setOutcome({ kind: 'discarded', id });
  };

  if (outcome.kind === 'sent' || outcome.kind === 'queued' || outcome.kind === 'discarded') {
    return (
      <div class="defects wizard">
        <h1 tabIndex={-1} ref={heading}>
          {t.wizardTitle}
        </h1>
        <p role="status" class="wizard-result">
          {outcome.kind === 'sent' ? (
            <>
              {fillText(t.sent, { id: outcome.id })} {outcome.moderated && t.sentModerated}
            </>
          ) : outcome.kind === 'queued' ? (
            t.queued
          ) : (
            t.discarded
          )}
        </p>
        <p class="defects-actions">
          {outcome.kind === 'discarded' && <a href={`/maengelmelder/meldungen/${outcome.id}`}>{t.nearbyTitle}</a>}
          <a href="/maengelmelder/meine">{t.mine}</a>
          <button type="button" class="button" onClick={restart}>
            {t.newReport}
          </button>
        </p>
      </div>
    );
  }

  const name = STEPS[step]!;
  const stepNames = [t.stepCategory, t.stepPhoto, t.stepPlace, t.stepDescription, t.stepContact, t.stepReview];
  const review = name === 'review';
  return (
    <div class="defects wizard">
      <h1>{t.wizardTitle}</h1>
      <noscript>
        <p class="map-note">{t.noScript}</p>
      </noscript>
      <form
        class="wizard-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (review) void send();
          else next();
        }}
      >
        <h2 tabIndex={-1} ref={heading} class="wizard-step">
          {fillText(t.stepOf, { n: step + 1, total: STEPS.length, name: stepNames[step]! })}
        </h2>
        {error && (
          <p class="field-error" role="alert" id="step-error">
            {error.message}
          </p>
        )}
        {name === 'category' && (
          <fieldset class="wizard-categories" id="defect-category" tabIndex={-1} aria-describedby={error ? 'step-error' : undefined}>
            <legend>{t.chooseCategory}</legend>
            {data.categories.map((c) => (
              <label key={c.code} class="choice">
                <input type="radio" name="category" value={c.code} checked={draft.categoryCode === c.code} onChange={() => set({ categoryCode: c.code })} />
                <span>
                  {c.name}
                  {c.description && <span class="choice-hint">{c.description}</span>}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {name === 'photo' && <PhotoStep photos={draft.photos} onChange={(photos) => set({ photos })} />}
        {name === 'place' && <PlaceStep spec={data.map} place={draft.place} nearby={nearby} onPlace={setPlace} onSame={same} />}
        {name === 'description' && <DescriptionStep draft={draft} set={set} invalid={!!error} />}
        {name === 'contact' && <ContactStep draft={draft} set={set} error={error} push={data.push} pushEndpoint={pushEndpoint} />}
        {review && (
          <>
            <ReviewStep draft={draft} categoryName={category?.name ?? ''} pushEndpoint={pushEndpoint} onEdit={go} />
            <NearbyList reports={nearby} onSame={same} />
          </>
        )}
        {outcome.kind === 'failed' && (
          <p class="field-error" role="alert">
            {fillText(t.failed, { message: outcome.message })}
          </p>
        )}
        {/* The honeypot: people never see or reach it, programs filling every field do. */}
        <div class="hp" aria-hidden="true">
          <label for="defect-website">{t.honeypot}</label>
          <input id="defect-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={draft.website} onInput={(e) => set({ website: e.currentTarget.value })} />
        </div>
        <p class="wizard-buttons">
          {step > 0 && (
            <button type="button" class="button-secondary" onClick={() => go(step - 1)}>
              {t.back}
            </button>
          )}
          <button type="submit" class="button" disabled={outcome.kind === 'sending'}>
            {review ? (outcome.kind === 'sending' ? t.sending : t.send) : t.next}
          </button>
        </p>
      </form>
    </div>
  );
}
