// A long table asks `t` for the same few texts on every row (a stage, "2 of 3 reviews", "pending:
// accepted"); i18next resolves and interpolates each call again, which was most of the ranking's
// render (decisions/008, fourth pass). These keep each text once per render.

type T = (key: string, values?: Record<string, unknown>) => string;

/** `t`, keeping each text by its key and values for as long as the returned function lives (one render). */
export function repeatedT(t: T): T {
  const texts = new Map<string, string>();
  return (key, values) => {
    const id = values ? `${key}\u0000${JSON.stringify(values)}` : key;
    let text = texts.get(id);
    if (text === undefined) {
      text = values ? t(key, values) : t(key);
      texts.set(id, text);
    }
    return text;
  };
}

// A private-use character no code or name holds.
const MARK = "\uE000";

/**
 * A text with one value that differs on every row (a code): translated once with a mark where the
 * value goes, then the mark replaced by each row's value. The same text as `t(key, { [name]: value })`
 * (values are inserted as they are: no escaping, no nesting).
 */
export function textWith(t: T, key: string, name: string): (value: string) => string {
  const parts = t(key, { [name]: MARK }).split(MARK);
  return (value) => parts.join(value);
}
