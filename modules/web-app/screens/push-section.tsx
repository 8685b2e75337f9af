import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { useTexts } from '../client/i18n.ts';
import type { PushTopic } from './push-topics.ts';
import { pushTexts } from './push-texts.ts';

type Controls = FunctionComponent<{ topics: PushTopic[] }>;

/**
 * The settings screen's "Push-Mitteilungen" section. What it is for is rendered on the server;
 * the controls (push-settings.tsx, with the browser's push code) are loaded once the page runs,
 * so neither the first screen nor the settings screen's own chunk carries them. Without
 * JavaScript the section says that push needs it.
 */
export function PushSection({ topics }: { topics: PushTopic[] }) {
  const t = useTexts(pushTexts);
  const [Controls, setControls] = useState<Controls | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./push-settings.tsx').then((m) => setControls(() => m.default), () => setFailed(true));
  }, []);
  return (
    <section class="push-section" aria-labelledby="push-title">
      <h2 id="push-title">{t.title}</h2>
      <p>{t.intro}</p>
      <p>{t.privacy}</p>
      {Controls ? (
        <Controls topics={topics} />
      ) : failed ? (
        <p role="status">{t.loadError}</p>
      ) : (
        <div dangerouslySetInnerHTML={{ __html: `<noscript><p>${t.noScript}</p></noscript>` }} />
      )}
    </section>
  );
}
