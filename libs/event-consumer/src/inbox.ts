import type { DataSource, EntityManager } from 'typeorm';
import { PREPARED_SQL } from '#libs/database';
import type { EventEnvelope } from '#libs/events';

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Runs `work` once per consumer and event. The inbox row and the work's writes share one transaction:
 * a redelivery after a commit is skipped, and a failure leaves no trace, so the retry starts clean.
 * A concurrent duplicate waits on the row's lock and then sees it.
 */
export async function handleOnce(
  dataSource: DataSource,
  consumer: string,
  event: EventEnvelope,
  work: (transaction: EntityManager) => Promise<void>,
): Promise<InboxOutcome> {
  return dataSource.transaction(async (transaction) => {
    const inserted: unknown[] = await transaction.query(
      `${PREPARED_SQL}INSERT INTO inbox_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id, event.type],
    );
    if (inserted.length === 0) return 'duplicate';
    await work(transaction);
    return 'handled';
  });
}
