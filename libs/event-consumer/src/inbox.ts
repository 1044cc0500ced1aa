import type { DataSource, EntityManager } from 'typeorm';
import { PREPARED_SQL, withTransaction } from '#libs/database';
import type { EventEnvelope } from '#libs/events';

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Runs `work` once per consumer and event. The inbox row and the work's writes share one transaction:
 * a redelivery after a commit is skipped, and a failure leaves no trace, so the retry starts clean.
 * A concurrent duplicate waits on the row's lock and then sees it. The transaction and the inbox row
 * go straight to the driver: they are every event's cost, whatever its handler does.
 */
export async function handleOnce(
  dataSource: DataSource,
  consumer: string,
  event: EventEnvelope,
  work: (transaction: EntityManager) => Promise<void>,
): Promise<InboxOutcome> {
  return withTransaction(dataSource, async (transaction) => {
    const inserted = await transaction.query(
      `${PREPARED_SQL}INSERT INTO inbox_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id, event.type],
    );
    if (inserted.length === 0) return 'duplicate';
    await work(transaction.manager);
    return 'handled';
  });
}
