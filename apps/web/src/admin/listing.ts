/** A cursor the API gave out, as it came back in a page's address; anything else is the first page. */
export function cursorOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,500}$/.test(value) ? value : undefined;
}

/** The pagination links of a list the API pages with cursors: the next page, and back to the first. */
export function pageLinks(path: string, filters: Record<string, string | undefined>, page: { nextCursor: string | null }, cursor: string | undefined) {
  const kept = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const href = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...kept, ...extra }).toString();
    return query ? `${path}?${query}` : path;
  };
  return {
    nextHref: page.nextCursor ? href({ cursor: page.nextCursor }) : null,
    firstPageHref: cursor ? href({}) : null,
  };
}

/** How many there are, from one page of at most `limit`: exact below it, "100 or more" at it. */
export function countOf(page: { items: unknown[]; nextCursor: string | null }): string {
  return page.nextCursor ? `${page.items.length} or more` : String(page.items.length);
}
