import { useEffect, useRef, useState } from 'preact/hooks';
import { useLang, useTexts } from '../client/i18n.ts';
import { changeCategories, currentSubscription, forget, permissionDenied, pushSupport, registered, turnOff, turnOn } from '../client/web-push.ts';
import type { PushTopic } from './push-topics.ts';
import { pushTexts } from './push-texts.ts';

type Texts = ReturnType<typeof pushTexts>;
type Phase = 'checking' | 'ready' | 'unavailable';
/** What the status line says, by text key, so it follows a change of language. */
type Message = { key: keyof Texts; problem?: boolean };

/**
 * The switch and the topics. Nothing asks for permission until the person turns the switch on.
 * On load (and after a change of language, which is sent along) the browser's subscription is
 * compared with what the server keeps; topics chosen while off are sent when turning on, while on
 * every change is saved at once.
 */
export default function PushSettings({ topics }: { topics: PushTopic[] }) {
  const t = useTexts(pushTexts);
  const lang = useLang();
  const [phase, setPhase] = useState<Phase>('checking');
  const [on, setOn] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  /** While turning on or off: the state asked for, which the switch shows until it is reached or fails. */
  const [pending, setPending] = useState<boolean | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const subscription = useRef<PushSubscription | null>(null);
  /** The topics the server last confirmed, restored when a change fails. */
  const confirmed = useRef<number[]>([]);
  /** Changes go out one after the other, so the last choice is the one kept. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = (on: boolean, sub: PushSubscription | null, categoryIds: number[] = confirmed.current) => {
    subscription.current = sub;
    confirmed.current = categoryIds;
    setOn(on);
    setChosen(categoryIds);
  };

  useEffect(() => {
    const support = pushSupport();
    if (support !== 'supported') {
      setPhase('unavailable');
      setMessage({ key: support === 'ios-install' ? 'ios' : 'unsupported' });
      return;
    }
    let current = true;
    (async () => {
      const sub = await currentSubscription();
      const server = sub && (await registered(sub, lang));
      if (!current) return;
      if (sub && !server) {
        await forget(sub);
        setMessage({ key: 'gone' });
      } else if (!sub && permissionDenied()) setMessage({ key: 'denied', problem: true });
      if (server) show(true, sub, server.categoryIds);
      else show(false, null);
      setPhase('ready');
    })().catch(() => {
      if (!current) return;
      setPhase('unavailable');
      setMessage({ key: 'loadError', problem: true });
    });
    return () => {
      current = false;
    };
  }, [lang]);

  const toggle = async (wanted: boolean) => {
    setPending(wanted);
    setMessage(null);
    try {
      if (!wanted) {
        await turnOff();
        show(false, null);
        setMessage({ key: 'off' });
        return;
      }
      const result = await turnOn({ categoryIds: chosen, language: lang });
      if (typeof result === 'string') return setMessage({ key: result, problem: true });
      show(true, result, chosen);
      setMessage({ key: 'on' });
    } catch {
      setMessage({ key: 'error', problem: true });
    } finally {
      setPending(null);
    }
  };

  const choose = (id: number, checked: boolean) => {
    const next = checked ? [...chosen, id] : chosen.filter((c) => c !== id);
    setChosen(next);
    const sub = subscription.current;
    if (!on || !sub) return;
    queue.current = queue.current.then(async () => {
      try {
        const saved = await changeCategories(sub, next);
        if (saved) {
          confirmed.current = saved.categoryIds;
          setMessage({ key: 'saved' });
        } else {
          await forget(sub);
          show(false, null);
          setMessage({ key: 'gone' });
        }
      } catch {
        setChosen(confirmed.current);
        setMessage({ key: 'error', problem: true });
      }
    });
  };

  const ready = phase === 'ready';
  return (
    <div class="push-controls" aria-busy={pending !== null || phase === 'checking'}>
      {ready && (
        <label class="choice push-switch">
          <input
            type="checkbox"
            role="switch"
            checked={pending ?? on}
            // While a change is under way, a second click would undo it halfway.
            onClick={(e) => pending !== null && e.preventDefault()}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
          <span>{t.switch}</span>
        </label>
      )}
      {/* Next to the switch, where its result is seen; announced by screen readers. */}
      <p role="status" class={message?.problem ? 'push-status push-problem' : 'push-status'}>
        {message ? t[message.key] : ''}
      </p>
      {ready && topics.length > 0 && (
        <fieldset class="settings-group push-topics">
          <legend>{t.topics}</legend>
          <p class="push-hint">{t.topicsHint}</p>
          <TopicList topics={topics} chosen={chosen} choose={choose} />
        </fieldset>
      )}
      {ready && topics.length === 0 && <p class="push-hint">{t.noTopics}</p>}
    </div>
  );
}

function TopicList({ topics, chosen, choose }: { topics: PushTopic[]; chosen: number[]; choose: (id: number, checked: boolean) => void }) {
  return (
    <ul class="push-topic-list">
      {topics.map((topic) => (
        <li key={topic.id}>
          <label class="choice">
            <input type="checkbox" name="topic" value={topic.id} checked={chosen.includes(topic.id)} onChange={(e) => choose(topic.id, e.currentTarget.checked)} />
            <span>{topic.name}</span>
          </label>
          {topic.children.length > 0 && <TopicList topics={topic.children} chosen={chosen} choose={choose} />}
        </li>
      ))}
    </ul>
  );
}
