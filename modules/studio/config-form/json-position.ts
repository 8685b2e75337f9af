/**
 * JSON.parse with the place of the first error as line and column (Node 20's messages carry no
 * position): a small scanner that follows the JSON grammar only to find where it breaks.
 */
export type JsonResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; problem: JsonProblem };
export type JsonProblem = 'unexpected' | 'end' | 'empty';

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const at = errorOffset(text);
    const problem: JsonProblem = text.trim() === '' ? 'empty' : at >= text.length ? 'end' : 'unexpected';
    return { ok: false, problem, ...lineColumn(text, Math.min(at, text.length)) };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

class Stop {
  constructor(readonly at: number) {}
}

/** Offset of the first character that cannot continue a JSON text (text.length: it ends too early). */
function errorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const c of word) if (s[i++] !== c) ((i -= 1), fail());
  };
  const string = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m || !m[0] || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') return container('}', () => {
      ws();
      if (s[i] !== '"') fail();
      string();
      ws();
      if (s[i] !== ':') fail();
      i++;
      value();
    });
    if (c === '[') return container(']', value);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  const container = (close: string, member: () => void) => {
    i++;
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (s[i] === ',') i++;
      else if (s[i] === close) return void i++;
      else fail();
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
    return s.length;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}
