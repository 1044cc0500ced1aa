import { countOf, cursorOf, pageLinks } from './listing.js';

describe('listing a page at a time', () => {
  it('takes back only a cursor the API could have given', () => {
    expect(cursorOf('eyJhIjoxfQ')).toBe('eyJhIjoxfQ');
    expect(cursorOf('not a cursor')).toBeUndefined();
    expect(cursorOf(['eyJhIjoxfQ'])).toBeUndefined();
    expect(cursorOf('a'.repeat(501))).toBeUndefined();
  });

  it('links to the next page and back to the first, keeping the filters', () => {
    expect(pageLinks('/admin/councils', { region: 'london', kind: undefined }, { nextCursor: 'next' }, 'this')).toEqual({
      nextHref: '/admin/councils?region=london&cursor=next',
      firstPageHref: '/admin/councils?region=london',
    });
    expect(pageLinks('/admin/councils', {}, { nextCursor: null }, undefined)).toEqual({ nextHref: null, firstPageHref: null });
    expect(pageLinks('/admin/councils', {}, { nextCursor: null }, 'this').firstPageHref).toBe('/admin/councils');
  });

  it('counts exactly below a full page, and says "or more" at one', () => {
    expect(countOf({ items: [1, 2, 3], nextCursor: null })).toBe('3');
    expect(countOf({ items: Array.from({ length: 100 }), nextCursor: 'more' })).toBe('100 or more');
  });
});
