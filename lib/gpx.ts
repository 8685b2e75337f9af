/**
 * A small, tolerant reader of GPX files (https://www.topografix.com/GPX/1/1/) that finds the
 * points of tracks (trkpt) and routes (rtept) with the line they are on. It checks that the
 * tags nest and close properly but nothing else of XML: namespaces and prefixes are ignored
 * (only local names count), unknown elements are skipped, and no entity is ever expanded —
 * a file with a DOCTYPE is refused outright, so no external or recursive entities can be declared.
 * Runs in Node and in the browser alike (the studio's track map reads files with it).
 */
export type GpxRawPoint = { lat: string | undefined; lon: string | undefined; line: number };

export type GpxScan =
  | { ok: true; trackPoints: GpxRawPoint[]; routePoints: GpxRawPoint[] }
  /** doctype: a DOCTYPE or other declaration; malformed: broken tag syntax or nesting; unclosed: ends inside `element`; notGpx: the root is no <gpx>. */
  | { ok: false; code: 'doctype' | 'malformed' | 'unclosed' | 'notGpx'; line: number; element?: string };

/** XML name characters as GPX uses them (ASCII letters, digits, "_", ".", ":", "-"), by char code. */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 58) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1);

export function scanGpx(xml: string): GpxScan {
  let pos = 0;
  let line = 1;
  /** Moves to `to`, counting the line breaks passed. */
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (xml.charCodeAt(i) === 10) line++;
    pos = to;
  };
  // Scanned by char code: a large file has hundreds of thousands of names and gaps.
  const name = (): string | null => {
    const start = pos;
    if (!isNameStart(xml.charCodeAt(pos))) return null;
    while (isNameChar(xml.charCodeAt(++pos)));
    return xml.slice(start, pos);
  };
  const skipSpace = () => {
    let end = pos;
    while (isSpace(xml.charCodeAt(end))) end++;
    advance(end);
  };
  /** Skips to just after `end`; false when the text ends first. */
  const skipPast = (end: string) => {
    const at = xml.indexOf(end, pos);
    if (at < 0) return false;
    advance(at + end.length);
    return true;
  };
  const fail = (code: 'doctype' | 'malformed' | 'notGpx', at = line): GpxScan => ({ ok: false, code, line: at });

  const open: { name: string; line: number }[] = [];
  let rootDone = false;
  let rootSeen = false;
  const trackPoints: GpxRawPoint[] = [];
  const routePoints: GpxRawPoint[] = [];

  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    advance(lt);
    if (xml.startsWith('<?', pos)) {
      if (!skipPast('?>')) return fail('malformed');
      continue;
    }
    if (xml.startsWith('<!--', pos)) {
      if (!skipPast('-->')) return fail('malformed');
      continue;
    }
    if (xml.startsWith('<![CDATA[', pos)) {
      if (!open.length || !skipPast(']]>')) return fail('malformed');
      continue;
    }
    if (xml.startsWith('<!', pos)) return fail('doctype');
    const tagLine = line;
    if (xml.startsWith('</', pos)) {
      pos += 2;
      const closing = name();
      skipSpace();
      if (!closing || xml[pos] !== '>' || open.at(-1)?.name !== closing) return fail('malformed', tagLine);
      pos++;
      open.pop();
      if (!open.length) rootDone = true;
      continue;
    }
    pos++;
    const element = name();
    if (!element || rootDone) return fail('malformed', tagLine);
    const local = localName(element);
    if (!rootSeen) {
      if (local !== 'gpx') return fail('notGpx', tagLine);
      rootSeen = true;
    }
    const isPoint = local === 'trkpt' || local === 'rtept';
    // Attribute values are kept only for points' lat and lon (a large file has many elements).
    const found: { lat?: string; lon?: string } = {};
    let selfClosing = false;
    for (;;) {
      skipSpace();
      if (xml[pos] === '>') break;
      if (xml.startsWith('/>', pos)) {
        selfClosing = true;
        pos++;
        break;
      }
      const attribute = name();
      if (!attribute) return fail('malformed', tagLine);
      skipSpace();
      if (xml[pos] !== '=') return fail('malformed', tagLine);
      pos++;
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") return fail('malformed', tagLine);
      const end = xml.indexOf(quote, pos + 1);
      if (end < 0) return fail('malformed', tagLine);
      if (isPoint && (attribute === 'lat' || attribute === 'lon')) {
        if (found[attribute] !== undefined) return fail('malformed', tagLine);
        found[attribute] = xml.slice(pos + 1, end);
      }
      advance(end + 1);
    }
    pos++;
    if (isPoint) (local === 'trkpt' ? trackPoints : routePoints).push({ lat: found.lat, lon: found.lon, line: tagLine });
    if (selfClosing) {
      if (!open.length) rootDone = true;
    } else open.push({ name: element, line: tagLine });
  }
  if (!rootSeen) return fail('notGpx', 1);
  const unclosed = open.at(-1);
  if (unclosed) return { ok: false, code: 'unclosed', line: unclosed.line, element: unclosed.name };
  return { ok: true, trackPoints, routePoints };
}
