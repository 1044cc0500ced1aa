import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { configureNunjucks } from '../layout/nunjucks.js';
import { filterOptionsHtml } from './filter-options.js';
import type { Vocabulary } from './organisation-names.js';
import { readSearchForm } from './search-form.js';

const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const mojRoot = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
configureNunjucks(nunjucks.configure([govukDist, mojRoot, join(dirname(fileURLToPath(import.meta.url)), '..')]));

const HOST = '5d85486c-c8cd-4ae0-9b73-8c751320253e';
const vocabulary = (hostName: string, specialisms: [string, string][] = [['law', 'Law']]): Vocabulary => ({
  organisations: new Map([[HOST, hostName]]),
  specialisms: new Map(specialisms),
});
const selected = (html: string, id: string) => new RegExp(`<select[^>]*id="${id}"[\\s\\S]*?<option value="([^"]*)" selected>`).exec(html)?.[1];

describe("the search page's filter options, kept once rendered", () => {
  it('shows each search its own choices, though an earlier one was kept', () => {
    const names = vocabulary('Bench County Council');
    const none = filterOptionsHtml(names, readSearchForm({}), undefined);
    const chosen = filterOptionsHtml(names, readSearchForm({ host: HOST, specialism: 'law', format: 'online', type: 'teaching' }), undefined);
    expect(selected(none, 'host')).toBeUndefined();
    expect(selected(chosen, 'host')).toBe(HOST);
    expect(selected(chosen, 'specialism')).toBe('law');
    expect(chosen).toMatch(/name="format" type="checkbox" value="online" checked/);
    expect(chosen).toMatch(/name="type" type="radio" value="teaching" checked/);
    expect(filterOptionsHtml(names, readSearchForm({}), undefined)).toBe(none);
  });

  it('shows the names of a changed vocabulary', () => {
    const before = filterOptionsHtml(vocabulary('Bench County Council'), readSearchForm({}), undefined);
    const after = filterOptionsHtml(vocabulary('Renamed Council', [['law', 'Law'], ['maths', 'Mathematics']]), readSearchForm({}), undefined);
    expect(before).toContain('Bench County Council');
    expect(after).toContain('Renamed Council');
    expect(after).not.toContain('Bench County Council');
    expect(after).toContain('<option value="maths">Mathematics</option>');
  });

  it('shows a date typed wrongly as an error, and not once it is right', () => {
    const wrong = readSearchForm({ 'from-day': '31', 'from-month': '2', 'from-year': '2027' });
    const html = filterOptionsHtml(vocabulary('Bench County Council'), wrong, { from: { text: wrong.errors.from! } });
    expect(html).toContain('Starting from must be a real date');
    expect(html).toMatch(/id="from-day" name="from-day" type="text" value="31"/);
    expect(filterOptionsHtml(vocabulary('Bench County Council'), readSearchForm({}), undefined)).not.toContain('must be a real date');
  });
});
