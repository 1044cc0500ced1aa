import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBase64, IsInt, IsOptional, isUUID, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isStorableText } from './text.js';
import { InvalidRequestException } from './validation.js';

/** What a cursor looks like, for the API's documentation. */
export const EXAMPLE_CURSOR = 'WyJVbml2ZXJzaXR5IG9mIEVhc3QgQW5nbGlhIiwiYTNmMWMyZDQtNWI2ZS00ZjcwLThhOTEtYjJjM2Q0ZTVmNjA3Il0';

/** `limit` and `cursor`, the paging parameters of every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ example: EXAMPLE_CURSOR, description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @MaxLength(500)
  @IsBase64({ urlSafe: true })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the sort key of the last item. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== arity || !key.every((part) => typeof part === 'string')) return null;
    return key;
  } catch {
    return null;
  }
}

/** Builds a page from `limit + 1` rows: the extra row only says whether there is a next page. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  sortKey: (row: Row) => string[],
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null,
  };
}

/**
 * The sort key in `cursor`, if it has `arity` parts that `isValid` accepts; otherwise a 400 naming
 * `cursor`, so a tampered cursor never reaches a query. Null when there is no cursor.
 */
export function cursorKey(cursor: string | undefined, arity: number, isValid: (key: string[]) => boolean): string[] | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor, arity);
  if (!key || !isValid(key)) throw new InvalidRequestException([{ field: 'cursor', messages: ['cursor is not one this API gave out'] }]);
  return key;
}

/** The [name, id] sort key of lists ordered by name. */
export function nameIdCursor(cursor: string | undefined): { name: string; id: string } | null {
  const key = cursorKey(cursor, 2, ([name, id]) => isStorableText(name!) && isUUID(id!));
  return key && { name: key[0]!, id: key[1]! };
}

/** One page of a list ordered by name then id, the keyset way: no OFFSET, stable under inserts. */
export async function pageByName<Row extends ObjectLiteral & { name: string; id: string }, Item>(
  query: SelectQueryBuilder<Row>,
  params: PageQuery,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const alias = query.alias;
  const after = nameIdCursor(params.cursor);
  query.orderBy(`${alias}.name`).addOrderBy(`${alias}.id`).limit(params.limit + 1);
  if (after) query.andWhere(`(${alias}.name, ${alias}.id) > (:afterName, :afterId)`, { afterName: after.name, afterId: after.id });
  return pageOf(await query.getMany(), params.limit, toItem, (row) => [row.name, row.id]);
}

/** Escapes % and _ so user text in a LIKE pattern matches literally. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
