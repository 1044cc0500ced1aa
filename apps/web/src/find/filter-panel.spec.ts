import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { configureNunjucks, fragment } from '../layout/nunjucks.js';
import { filterPanel } from './filter-panel.js';
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
const panel = (names: Vocabulary, raw: Record<string, unknown>, errors?: Record<string, { text: string }>, selected: object | null = null) =>
  String(fragment('find/views/filter-panel.njk', filterPanel(names, readSearchForm(raw), errors, selected)));
const selectedOption = (html: string, id: string) => new RegExp(`<select[^>]*id="${id}"[\\s\\S]*?<option value="([^"]*)" selected>`).exec(html)?.[1];

describe("the search page's filter panel, kept once rendered", () => {
  it('shows each search its own choices, though an earlier one was kept', () => {
    const names = vocabulary('Bench County Council');
    const none = panel(names, {});
    const chosen = panel(names, { host: HOST, specialism: 'law', format: 'online', type: 'teaching' });
    expect(selectedOption(none, 'host')).toBeUndefined();
    expect(selectedOption(chosen, 'host')).toBe(HOST);
    expect(selectedOption(chosen, 'specialism')).toBe('law');
    expect(chosen).toMatch(/name="format" type="checkbox" value="online" checked/);
    expect(chosen).toMatch(/name="type" type="radio" value="teaching" checked/);
    expect(panel(names, {})).toBe(none);
  });

  it('shows the names of a changed vocabulary', () => {
    const before = panel(vocabulary('Bench County Council'), {});
    const after = panel(vocabulary('Renamed Council', [['law', 'Law'], ['maths', 'Mathematics']]), {});
    expect(before).toContain('Bench County Council');
    expect(after).toContain('Renamed Council');
    expect(after).not.toContain('Bench County Council');
    expect(after).toContain('<option value="maths">Mathematics</option>');
  });

  it('shows the selected filters given, and none once they are gone', () => {
    const selected = { heading: { text: 'Selected filters' }, clearLink: { href: '/opportunities', text: 'Clear filters' }, categories: [{ heading: { text: 'Keywords' }, items: [{ href: '/opportunities', text: 'court' }] }] };
    expect(panel(vocabulary('Bench County Council'), { q: 'court' }, undefined, selected)).toContain('court');
    expect(panel(vocabulary('Bench County Council'), { q: 'court' })).not.toContain('Selected filters');
  });

  it('shows a date typed wrongly as an error, and not once it is right', () => {
    const wrong = readSearchForm({ 'from-day': '31', 'from-month': '2', 'from-year': '2027' });
    const html = panel(vocabulary('Bench County Council'), { 'from-day': '31', 'from-month': '2', 'from-year': '2027' }, { from: { text: wrong.errors.from! } });
    expect(html).toContain('Starting from must be a real date');
    expect(html).toMatch(/id="from-day" name="from-day" type="text" value="31"/);
    expect(panel(vocabulary('Bench County Council'), {})).not.toContain('must be a real date');
  });
});
