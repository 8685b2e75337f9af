import { useEffect, useRef, useState } from 'preact/hooks';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import type { MapSpec } from '../../places/app/map-spec.ts';
import { statusColours } from '../model/statuses.ts';
import { defectsTexts } from './defects-texts.ts';
import type { PointPicker } from './defects-map.ts';
import { NEARBY_PATH, PLACE_PATH } from './api-paths.ts';
import type { Place } from './wizard-draft.ts';

export type NearbyReport = { id: number; title: string; status: string; distance: number };

/**
 * The place step: a map to tap or click (keyboard: arrow keys move it, Enter picks its centre),
 * "Meinen Standort verwenden", and an address field. Every choice is checked by the server
 * (inside the municipality, nearest registered address) and the result is read out.
 */
export function PlaceStep({ spec, place, nearby, onPlace, onSame }: { spec: MapSpec; place: Place | null; nearby: NearbyReport[]; onPlace: (p: Place | null) => void; onSame: (id: number) => void }) {
  const t = useTexts(defectsTexts);
  const box = useRef<HTMLDivElement>(null);
  const picker = useRef<PointPicker | null>(null);
  const [message, setMessage] = useState('');
  const [tilesFailed, setTilesFailed] = useState(false);
  const [address, setAddress] = useState('');
  // While the place check runs, a point without address is not yet "no address found".
  const [looking, setLooking] = useState(false);

  const check = async (query: string, movePin: boolean) => {
    setLooking(true);
    try {
      const res = await fetch(`${PLACE_PATH}?${query}`, { headers: { accept: 'application/json' } });
      const body = await res.json();
      if (!res.ok) {
        onPlace(null);
        setMessage(body?.error?.message ?? t.placeMissing);
        return;
      }
      const p: Place = { lat: body.lat, lng: body.lng, address: body.address };
      if (movePin) picker.current?.setPoint(p.lat, p.lng);
      onPlace(p);
      setMessage('');
    } catch {
      // Offline: the point is kept as chosen; the server checks it when the report is sent.
      setMessage('');
    } finally {
      setLooking(false);
    }
  };
  const pickPoint = (lat: number, lng: number) => {
    onPlace({ lat, lng, address: '' });
    void check(new URLSearchParams({ lat: String(lat), lng: String(lng) }).toString(), false);
  };

  useEffect(() => {
    let gone = false;
    void import('./defects-map.ts').then(({ mountPointPicker }) => {
      if (gone || !box.current) return;
      picker.current = mountPointPicker(box.current, spec, place, statusColours.received, { zoomIn: t.mapZoomIn, zoomOut: t.mapZoomOut, close: t.mapClosePopup }, pickPoint, () => setTilesFailed(true));
    });
    return () => {
      gone = true;
      picker.current?.destroy();
      picker.current = null;
    };
  }, [spec]);

  const locate = () => {
    if (!('geolocation' in navigator)) return setMessage(t.locationFailed);
    setMessage(t.locating);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        picker.current?.setPoint(pos.coords.latitude, pos.coords.longitude);
        pickPoint(pos.coords.latitude, pos.coords.longitude);
      },
      () => setMessage(t.locationFailed),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  const chosen = place ? fillText(t.placeChosen, { place: place.address || fillText(looking ? t.placeLooking : t.placeNoAddress, { lat: place.lat.toFixed(5), lng: place.lng.toFixed(5) }) }) : '';
  return (
    <div class="wizard-place">
      <p id="place-hint">{t.placeHint}</p>
      <p class="wizard-buttons">
        <button type="button" class="button" onClick={locate}>
          {t.useLocation}
        </button>
        <button type="button" class="button-secondary" onClick={() => picker.current?.pickCentre()}>
          {t.useCentre}
        </button>
      </p>
      {(!spec.tileUrl || tilesFailed) && <p class="map-note">{t.mapNoBackground}</p>}
      <div class="map-block picker">
        <div ref={box} class="map" role="application" aria-label={t.placeMap} aria-describedby="place-hint" />
        <span class="picker-cross" aria-hidden="true" />
      </div>
      <div class="address-search">
        <label for="place-address">{t.addressLabel}</label>
        <input
          id="place-address"
          type="text"
          autoComplete="street-address"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (address.trim().length >= 3) void check(new URLSearchParams({ address: address.trim() }).toString(), true);
          }}
        />
        <button type="button" class="button-secondary" onClick={() => address.trim().length >= 3 && void check(new URLSearchParams({ address: address.trim() }).toString(), true)}>
          {t.findAddress}
        </button>
      </div>
      <p class="wizard-place-status" role="status">
        {message || chosen}
      </p>
      <NearbyList reports={nearby} onSame={onSame} />
    </div>
  );
}

/** Open public reports of the category within 50 m of the chosen point (GET /api/v1/defects/nearby); none offline. */
export function useNearby(place: Place | null, categoryCode: string): NearbyReport[] {
  const [nearby, setNearby] = useState<NearbyReport[]>([]);
  useEffect(() => {
    setNearby([]);
    if (!place || !categoryCode) return;
    const q = new URLSearchParams({ category: categoryCode, lat: String(place.lat), lng: String(place.lng) });
    let gone = false;
    fetch(`${NEARBY_PATH}?${q}`, { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then((list: NearbyReport[]) => !gone && setNearby(Array.isArray(list) ? list : []))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [place?.lat, place?.lng, categoryCode]);
  return nearby;
}

/** Open reports of the same category within 50 m, with the choice not to send. */
export function NearbyList({ reports, onSame }: { reports: NearbyReport[]; onSame: (id: number) => void }) {
  const t = useTexts(defectsTexts);
  if (!reports.length) return null;
  return (
    <section class="nearby" aria-labelledby="nearby-title">
      <h3 id="nearby-title">{t.nearbyTitle}</h3>
      <p>{t.nearbyIntro}</p>
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            <a href={`/maengelmelder/meldungen/${r.id}`}>{r.title}</a> ({fillText(t.nearbyDistance, { m: r.distance })}){' '}
            <button type="button" class="button-secondary" onClick={() => onSame(r.id)}>
              {t.nearbySame}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
