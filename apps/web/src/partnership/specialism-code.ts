/**
 * The API's code for a specialism a lead names ("Rural practice!" is "rural_practice"): leads
 * type a name, and the same name always gives the same code, so the API refuses it twice.
 */
export function specialismCode(label: string): string {
  const words = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const code = /^[a-z]/.test(words) ? words : `s_${words}`;
  return code.slice(0, 50).replace(/_+$/, '');
}
