import { readSearchForm, searchLink } from './search-form.js';

describe('the search form', () => {
  it('asks the API for the formats ticked, in one order, and ignores ones it does not know', () => {
    expect(readSearchForm({ format: ['in_person', 'online', 'by_post'] }).query.format).toEqual(['online', 'in_person']);
    expect(readSearchForm({ format: 'online' }).query.format).toEqual(['online']);
    expect(readSearchForm({}).query.format).toBeUndefined();
    expect(readSearchForm({ format: 'by_post' }).query.format).toBeUndefined();
  });

  it('links to the same search with one format taken out, keeping the rest and dropping the page', () => {
    const raw = { q: 'court', format: ['online', 'in_person'], cursor: 'abc' };
    expect(searchLink(raw)).toBe('/opportunities?q=court&format=online&format=in_person');
    expect(searchLink(raw, { format: ['in_person'] })).toBe('/opportunities?q=court&format=in_person');
    expect(searchLink(raw, { format: [] })).toBe('/opportunities?q=court');
    expect(searchLink(raw, { q: null, format: null })).toBe('/opportunities');
  });
});
