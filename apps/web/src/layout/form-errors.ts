/** A form's errors as the GOV.UK error summary and the fields' error messages want them. */
export interface FormErrors {
  errorList: { text: string; href: string }[];
  errors: Record<string, { text: string }>;
}

/** `messages` by field name, in the order the fields appear on the page. */
export function formErrors(messages: Record<string, string | undefined>, fieldIds: Record<string, string> = {}): FormErrors | null {
  const entries = Object.entries(messages).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return {
    errorList: entries.map(([field, text]) => ({ text, href: `#${fieldIds[field] ?? field}` })),
    errors: Object.fromEntries(entries.map(([field, text]) => [field, { text }])),
  };
}

/** A form field's value as one trimmed string (a repeated field takes its first value). */
export function textField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}
