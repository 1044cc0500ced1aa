import type { PartnershipDirectory } from '#libs/identity';

/**
 * Runs a change to who works in which partnership, then tells the directory's listeners (the cache
 * of callers) before the request is answered. Telling them when nothing changed is harmless.
 */
export async function changingAccess<T>(directory: PartnershipDirectory, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    directory.changed();
  }
}
