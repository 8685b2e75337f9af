import { MAX_DESCRIPTION, MAX_PHOTOS } from '../model/report-input.ts';
import type { ReportPayload } from './device-store.ts';

/** The wizard's steps in order. */
export const STEPS = ['category', 'photo', 'place', 'description', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number];

export type DraftPhoto = { blob: Blob; name: string; url: string };
export type Place = { lat: number; lng: number; address: string };

/** What the person has entered so far (kept in memory only; the queue keeps it once sent). */
export type Draft = {
  categoryCode: string;
  photos: DraftPhoto[];
  place: Place | null;
  title: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
  notifyByEmail: boolean;
  public: boolean;
  push: boolean;
  website: string;
};

export const emptyDraft = (): Draft => ({ categoryCode: '', photos: [], place: null, title: '', description: '', name: '', email: '', phone: '', consent: false, notifyByEmail: false, public: true, push: true, website: '' });

export { MAX_DESCRIPTION, MAX_PHOTOS };

type Texts = Record<'categoryMissing' | 'photoMissing' | 'placeMissing' | 'descriptionMissing' | 'consentMissing' | 'notifyMissing' | 'emailInvalid' | 'phoneInvalid', string>;
/** The field an error is about (its element id) and the message. */
export type StepError = { field: string; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()/-]{3,40}$/;

/** What keeps the person from leaving a step; the server checks all of it again. */
export function stepError(step: Step, d: Draft, t: Texts): StepError | null {
  switch (step) {
    case 'category':
      return d.categoryCode ? null : { field: 'defect-category', message: t.categoryMissing };
    case 'photo':
      return d.photos.length ? null : { field: 'photo-file', message: t.photoMissing };
    case 'place':
      return d.place ? null : { field: 'place-address', message: t.placeMissing };
    case 'description':
      return d.description.trim() ? null : { field: 'defect-description', message: t.descriptionMissing };
    case 'contact': {
      if (d.email.trim() && !EMAIL.test(d.email.trim())) return { field: 'contact-email', message: t.emailInvalid };
      if (d.phone.trim() && !PHONE.test(d.phone.trim())) return { field: 'contact-phone', message: t.phoneInvalid };
      if (d.notifyByEmail && (!d.email.trim() || !d.consent)) return { field: 'contact-notify', message: t.notifyMissing };
      if ((d.name.trim() || d.email.trim() || d.phone.trim()) && !d.consent) return { field: 'contact-consent', message: t.consentMissing };
      return null;
    }
    default:
      return null;
  }
}

/** The JSON part of the report; contact data only with consent. */
export function payloadOf(d: Draft, ids: { submissionKey: string; deviceId: string; pushEndpoint: string | null }): ReportPayload {
  const contact = { name: d.name.trim(), email: d.email.trim(), phone: d.phone.trim() };
  return {
    categoryCode: d.categoryCode,
    title: d.title.trim(),
    description: d.description.trim().slice(0, MAX_DESCRIPTION),
    location: { lat: d.place!.lat, lng: d.place!.lng },
    ...(d.consent ? { contact } : {}),
    consent: d.consent,
    notifyByEmail: d.consent && d.notifyByEmail,
    public: d.public,
    deviceId: ids.deviceId,
    submissionKey: ids.submissionKey,
    ...(d.push && ids.pushEndpoint ? { pushEndpoint: ids.pushEndpoint } : {}),
  };
}

/** One random id per report (the server files a repeat of it once). */
export const newSubmissionKey = () => crypto.randomUUID();

/** This device's id, made once and kept (the server's rate limits count per device). */
export function deviceId(): string {
  const KEY = 'dp_defects_device';
  let id = localStorage.getItem(KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
  }
  return id;
}
