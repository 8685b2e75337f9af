/**
 * A minimal iCalendar reader for the tests (no parser package is installed): checks the framing
 * the writer must get right — CRLF only, lines of at most 75 octets — then unfolds, splits
 * properties and nests components. Throws on anything malformed.
 */
export type ParsedProperty = { name: string; params: Record<string, string>; value: string };
export type ParsedComponent = { name: string; properties: ParsedProperty[]; components: ParsedComponent[] };

export function physicalLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('the file must end with CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  for (const [i, line] of lines.entries()) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in line ${i + 1}`);
    const octets = new TextEncoder().encode(line).length;
    if (octets > 75) throw new Error(`line ${i + 1} has ${octets} octets: ${line}`);
  }
  return lines;
}

export function parseIcs(text: string): ParsedComponent {
  const logical: string[] = [];
  for (const line of physicalLines(text)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!logical.length) throw new Error('continuation line first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: ParsedComponent[] = [{ name: '', properties: [], components: [] }];
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`malformed content line: ${line}`);
    const [, name, rawParams, value] = m;
    if (name === 'BEGIN') {
      const c: ParsedComponent = { name: value!, properties: [], components: [] };
      stack.at(-1)!.components.push(c);
      stack.push(c);
    } else if (name === 'END') {
      if (stack.at(-1)!.name !== value) throw new Error(`END:${value} does not close ${stack.at(-1)!.name}`);
      stack.pop();
    } else {
      const params = Object.fromEntries([...rawParams!.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^;]*)/g)].map((p) => [p[1]!, p[2]!.replace(/^"|"$/g, '')]));
      stack.at(-1)!.properties.push({ name: name!, params, value: value! });
    }
  }
  if (stack.length !== 1 || stack[0]!.components.length !== 1) throw new Error('unbalanced BEGIN/END');
  return stack[0]!.components[0]!;
}

/** A TEXT value as the application reads it (§3.3.11). */
export function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export const prop = (c: ParsedComponent, name: string) => c.properties.find((p) => p.name === name);
