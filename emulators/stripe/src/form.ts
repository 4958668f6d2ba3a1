/**
 * Stripe's request bodies are application/x-www-form-urlencoded with bracketed keys, as the SDK
 * writes them: `metadata[transaction_id]=…`, `payment_method_types[0]=card`. Parsed into plain
 * nested objects (arrays stay objects keyed "0", "1" …, which is all the emulator reads).
 */
export type FormValue = string | { [key: string]: FormValue };

export function parseForm(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Record<string, FormValue> = root;
    path.forEach((part, n) => {
      if (n === path.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    });
  }
  return root;
}

/** A flat string map (metadata) from a parsed form value. */
export function stringMap(value: FormValue | undefined): Record<string, string> {
  if (!value || typeof value === 'string') return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
