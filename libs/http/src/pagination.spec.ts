import { decodeCursor, encodeCursor, likeContaining, nameIdCursor, pageOf } from './pagination.js';
import { InvalidRequestException } from './validation.js';

describe('pagination', () => {
  it('round-trips a sort key through an opaque cursor', () => {
    const cursor = encodeCursor(['Abbey University', '0b6f7d3e-9a54-4d8e-8f1c-5a2b3c4d5e6f']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['Abbey University', '0b6f7d3e-9a54-4d8e-8f1c-5a2b3c4d5e6f']);
  });

  it.each([
    ['not base64 JSON', 'not-json'],
    ['the wrong arity', encodeCursor(['one'])],
    ['non-string parts', Buffer.from('[1,2]').toString('base64url')],
  ])('rejects a cursor with %s', (_, cursor) => {
    expect(decodeCursor(cursor, 2)).toBeNull();
  });

  it('turns a foreign cursor into a 400 naming the cursor', () => {
    expect(() => nameIdCursor(encodeCursor(['a', 'not-a-uuid']))).toThrow(InvalidRequestException);
    expect(nameIdCursor(undefined)).toBeNull();
  });

  it('uses the extra row only to say there is a next page', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const page = pageOf(rows, 2, (row) => row.k.toUpperCase(), (row) => [row.k]);
    expect(page.items).toEqual(['A', 'B']);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual(['b']);
    expect(pageOf(rows.slice(0, 2), 2, (row) => row.k, (row) => [row.k]).nextCursor).toBeNull();
  });

  it('escapes LIKE wildcards in user text', () => {
    expect(likeContaining('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
