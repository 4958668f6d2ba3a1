/**
 * The shape of a field's arguments, never their values: names, nesting and list lengths. An
 * audit entry says what was called with which inputs (`signUp(input: {email, password, name,
 * role})`) without holding a password, token, key or anyone's email.
 */
function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const first = value.find((item) => item !== null && item !== undefined);
    const item = first === undefined || typeof first !== 'object' ? '' : ` × ${shapeOf(first)}`;
    return `[${value.length}${item}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.entries(value as Record<string, unknown>).map(([key, inner]) =>
      inner !== null && typeof inner === 'object' ? `${key}: ${shapeOf(inner)}` : key,
    );
    return `{${keys.join(', ')}}`;
  }
  return '';
}

/** `field(arg, nested: {a, b}, list: [2])`; just `field` without arguments. */
export function callShape(fieldName: string, args: Record<string, unknown>): string {
  const parts = Object.entries(args).map(([name, value]) => {
    const shape = value === undefined ? '' : shapeOf(value);
    return shape ? `${name}: ${shape}` : name;
  });
  return parts.length ? `${fieldName}(${parts.join(', ')})` : fieldName;
}
