import { isUUID } from 'class-validator';
import { cursorKey } from '#libs/http';

/** The [instant, id] after which the next page starts. */
export function afterCursor(cursor: string | undefined): { at: string; id: string } | null {
  const key = cursorKey(cursor, 2, ([at, id]) => !Number.isNaN(Date.parse(at!)) && isUUID(id!));
  return key && { at: key[0]!, id: key[1]! };
}
