import { useEffect, useRef, useState } from 'preact/hooks';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { MAX_QUERY, MIN_QUERY } from './search-limits.ts';
import { servicesTexts } from './services-texts.ts';

type Suggestion = { id: string; name: string; matchedSynonym: string | null };

const QUERY = `query ServiceSuggestions($q: String!, $limit: Int) { administrativeServiceSuggestions(search: $q, limit: $limit) { id name matchedSynonym } }`;
const LIMIT = 8;
const DEBOUNCE_MS = 150;
const LIST_ID = 'service-suggestions';
const optionId = (i: number) => `service-suggestion-${i}`;

/**
 * The service search: a plain GET form to /rathaus/suche (works without JavaScript), and once the
 * page runs, suggestions as you type — the ARIA combobox pattern with a list box: arrow keys move
 * through the suggestions, Enter opens the chosen service, Escape closes the list (or clears the
 * field). Suggestions come from the public GraphQL API, at most one request per pause in typing,
 * none for fewer than two characters; a failed request (offline) just shows none.
 */
export function ServiceSearchBox({ value }: { value: string }) {
  const t = useTexts(servicesTexts);
  const [text, setText] = useState(value);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);

  // Another search page reuses this box: show its query.
  useEffect(() => setText(value), [value]);
  useEffect(() => () => cancel(), []);

  const cancel = () => {
    clearTimeout(timer.current);
    pending.current?.abort();
    pending.current = null;
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const suggest = (q: string) => {
    cancel();
    const search = q.trim();
    if (search.length < MIN_QUERY || search.length > MAX_QUERY) {
      setItems([]);
      close();
      return;
    }
    timer.current = setTimeout(async () => {
      const request = new AbortController();
      pending.current = request;
      try {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: QUERY, variables: { q: search, limit: LIMIT } }),
          signal: request.signal,
        });
        const list = ((await res.json())?.data?.administrativeServiceSuggestions ?? []) as Suggestion[];
        if (request.signal.aborted) return;
        setItems(list.slice(0, LIMIT));
        setActive(-1);
        setOpen(list.length > 0);
      } catch {
        // Offline or superseded: no suggestions; the form still searches.
      }
    }, DEBOUNCE_MS);
  };

  const choose = (s: Suggestion) => {
    cancel();
    close();
    followLink(`/rathaus/leistungen/${encodeURIComponent(s.id)}`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!items.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : items.length - 1) : (a + step + items.length) % items.length));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      choose(items[active]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open) close();
      else {
        cancel();
        setText('');
        setItems([]);
      }
    }
  };

  const status = open ? (items.length === 1 ? t.suggestionsOne : fillText(t.suggestionsCount, { n: items.length })) : '';
  return (
    <form role="search" method="get" action="/rathaus/suche" class="search-form service-search" onSubmit={() => (cancel(), close())}>
      <label for="service-q">{t.searchLabel}</label>
      <div class="search-row">
        <div class="combobox">
          <input
            id="service-q"
            // A text field: ARIA in HTML allows the combobox role on it, not on type="search".
            type="text"
            name="q"
            value={text}
            placeholder={t.searchPlaceholder}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={MAX_QUERY}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={LIST_ID}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setText(v);
              suggest(v);
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
          />
          {/* mousedown would move the focus away and close the list before the click lands. */}
          <ul id={LIST_ID} role="listbox" aria-label={t.suggestions} class="suggestions" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
            {items.map((s, i) => (
              <li key={s.id} id={optionId(i)} role="option" aria-selected={i === active} class={i === active ? 'is-active' : undefined} onClick={() => choose(s)}>
                {s.name}
                {s.matchedSynonym && <span class="suggestion-synonym"> ({fillText(t.suggestionSynonym, { s: s.matchedSynonym })})</span>}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </div>
      <p class="visually-hidden-heading" role="status">
        {status}
      </p>
    </form>
  );
}

/** Opens a path the way a click on a link does, so the app navigates inside itself (client/main.tsx). */
function followLink(href: string) {
  const a = document.createElement('a');
  a.href = href;
  document.body.append(a);
  a.click();
  a.remove();
}
