const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A piece of HTML already escaped, so `html` does not escape it twice. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate; other objects would print as "[object Object]". */
type Interpolation = string | number | boolean | null | undefined | Html | readonly Interpolation[];

const escape = (value: Interpolation): string =>
  value instanceof Html ? value.value : Array.isArray(value) ? value.map(escape).join('') : String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Tagged template for HTML: every interpolated value is escaped unless it is already Html. */
export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): Html =>
  new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? escape(values[i]) : ''), ''));

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** A time as people in the partnership read it: Europe/London, with GMT or BST said. */
export const londonTime = (iso: string): string => LONDON.format(new Date(iso));
