/**
 * Where JSON text stops being valid JSON (an index into `text`), for error messages with a line:
 * Node's JSON.parse names a position only for some errors. A plain recursive-descent check of
 * the JSON grammar (RFC 8259), run only after JSON.parse has failed; iterative for arrays and
 * objects so deep nesting cannot overflow the stack.
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => text.startsWith(word, i) && ((i += word.length), true);
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i++, true;
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (!e || !'"\\/bfnrt'.includes(e)) return false;
      }
    }
    return false;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    return !!m && ((i += m[0].length), true);
  };
  const scalar = () => string() || number() || literal('true') || literal('false') || literal('null');

  /** After "{" or ",": a member's key and colon. */
  const key = () => {
    space();
    if (!string()) return false;
    space();
    return text[i] === ':' && (i++, true);
  };

  // The containers still open, by the character that closes each.
  const open: string[] = [];
  for (;;) {
    // A value is expected here.
    space();
    const c = text[i];
    if (c === '[' || c === '{') {
      i++;
      space();
      if (text[i] === (c === '[' ? ']' : '}')) i++;
      else {
        open.push(c === '[' ? ']' : '}');
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (!scalar()) return i;
    // After a value: close containers until a comma asks for the next value.
    for (;;) {
      space();
      if (!open.length) return i;
      const close = open[open.length - 1];
      if (text[i] === close) {
        i++;
        open.pop();
      } else if (text[i] === ',') {
        i++;
        if (close === '}' && !key()) return i;
        break;
      } else return i;
    }
  }
}
