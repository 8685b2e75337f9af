import { useState } from 'preact/hooks';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { defectsTexts } from './defects-texts.ts';
import { MAX_PHOTOS, type DraftPhoto } from './wizard-draft.ts';

/** The photo step: take one with the camera or choose files (1–5 images), each with a preview and a remove button. */
export function PhotoStep({ photos, onChange }: { photos: DraftPhoto[]; onChange: (p: DraftPhoto[]) => void }) {
  const t = useTexts(defectsTexts);
  const [problem, setProblem] = useState('');
  const add = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    const bad = files.find((f) => !f.type.startsWith('image/'));
    const images = files.filter((f) => f.type.startsWith('image/'));
    const room = MAX_PHOTOS - photos.length;
    setProblem(bad ? fillText(t.photoNotImage, { name: bad.name }) : images.length > room ? fillText(t.photoTooMany, { n: MAX_PHOTOS }) : '');
    const added = images.slice(0, Math.max(room, 0)).map((f) => ({ blob: f as Blob, name: f.name || 'foto.jpg', url: URL.createObjectURL(f) }));
    if (added.length) onChange([...photos, ...added]);
  };
  const remove = (i: number) => {
    URL.revokeObjectURL(photos[i]!.url);
    onChange(photos.filter((_, j) => j !== i));
  };
  const full = photos.length >= MAX_PHOTOS;
  return (
    <div class="wizard-photos">
      <p id="photo-hint">{fillText(t.photoHint, { n: MAX_PHOTOS })}</p>
      <div class="photo-inputs">
        <label for="photo-camera">{t.takePhoto}</label>
        <input id="photo-camera" type="file" accept="image/*" capture="environment" disabled={full} aria-describedby="photo-hint" onChange={(e) => add(e.currentTarget)} />
        <label for="photo-file">{t.choosePhoto}</label>
        <input id="photo-file" type="file" accept="image/*" multiple disabled={full} aria-describedby="photo-hint" onChange={(e) => add(e.currentTarget)} />
      </div>
      <p role="status" class="photo-status">
        {problem || fillText(t.photosChosen, { n: photos.length, max: MAX_PHOTOS })}
      </p>
      {photos.length > 0 && (
        <ul class="photo-previews">
          {photos.map((p, i) => (
            <li key={p.url}>
              <img src={p.url} alt={fillText(t.photoPreview, { n: i + 1 })} width={120} height={90} />
              <button type="button" class="button-secondary" onClick={() => remove(i)}>
                {fillText(t.removePhoto, { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
