import { validationError } from '../../../core/errors.ts';
import { defineTexts, fillText } from '../../web-app/client/i18n.ts';

/** Why an upload is refused, in words a person understands; German for the API, both for the studio. */
export const refusalTexts = defineTexts({
  de: {
    empty: 'Die Datei „{name}“ ist leer.',
    tooLarge: 'Die Datei ist zu groß: höchstens {max} MB sind erlaubt.',
    svg: 'SVG-Dateien werden nicht angenommen, weil sie Skripte enthalten können. Bitte laden Sie das Bild als PNG, JPEG oder WebP hoch.',
    heic: 'HEIC-Fotos (iPhone) werden nicht angenommen. Bitte exportieren Sie das Foto als JPEG.',
    unknown: 'Die Datei „{name}“ ist weder ein Bild (JPEG, PNG, WebP, AVIF, GIF) noch ein PDF – geprüft wird der Inhalt, nicht der Dateiname.',
    pixels: 'Das Bild ist mit {width} × {height} Pixeln zu groß; höchstens {max} Megapixel sind erlaubt. Bitte verkleinern Sie es vor dem Hochladen.',
    broken: 'Die Bilddatei „{name}“ ist beschädigt oder unvollständig und kann nicht gelesen werden.',
    animated: 'Animierte Bilder werden nicht angenommen. Bitte laden Sie ein Standbild hoch.',
    altMissing: 'Bitte geben Sie für das Bild einen Alternativtext an (was darauf zu sehen ist) – für Menschen, die es nicht sehen können.',
    copyrightMissing: 'Bitte geben Sie für das Bild die Urheberin oder den Urheber an (Copyright).',
    tooLong: 'Alternativtext (höchstens 500 Zeichen) oder Copyright (höchstens 200 Zeichen) ist zu lang.',
    noFile: 'Bitte wählen Sie eine Datei aus.',
  },
  en: {
    empty: 'The file “{name}” is empty.',
    tooLarge: 'The file is too large: at most {max} MB are allowed.',
    svg: 'SVG files are not accepted because they may contain scripts. Please upload the image as PNG, JPEG or WebP.',
    heic: 'HEIC photos (iPhone) are not accepted. Please export the photo as JPEG.',
    unknown: 'The file “{name}” is neither an image (JPEG, PNG, WebP, AVIF, GIF) nor a PDF – its content is checked, not its name.',
    pixels: 'At {width} × {height} pixels the image is too large; at most {max} megapixels are allowed. Please scale it down before uploading.',
    broken: 'The image file “{name}” is damaged or incomplete and cannot be read.',
    animated: 'Animated images are not accepted. Please upload a still image.',
    altMissing: 'Please give the image an alternative text (what it shows) – for people who cannot see it.',
    copyrightMissing: 'Please name the image’s author (copyright).',
    tooLong: 'The alternative text (at most 500 characters) or the copyright (at most 200 characters) is too long.',
    noFile: 'Please choose a file.',
  },
});

export type RefusalReason = keyof ReturnType<typeof refusalTexts>;

export type RefusalDetails = { reason: RefusalReason; values: Record<string, string | number> };

/**
 * The library's callers get a VALIDATION AppError with the German message; `details` carries the
 * reason and values so that the studio can say it in the reader's language and with a fitting status.
 */
export function refusal(reason: RefusalReason, values: Record<string, string | number> = {}) {
  return validationError(fillText(refusalTexts('de')[reason], values), { reason, values } satisfies RefusalDetails);
}

/** 413 for too large, 415 for a refused type, 400 for everything else. */
export function httpStatusOf(reason: RefusalReason): number {
  if (reason === 'tooLarge') return 413;
  return reason === 'svg' || reason === 'heic' || reason === 'unknown' ? 415 : 400;
}
