import { Counter, type Registry } from 'prom-client';
import type { DigestFrequency } from './digest-period.js';

/**
 * How far the digests have got, by frequency: a run splits the subscribers into batches, and each
 * batch plans its digests and sends them. Batches sent against batches queued is a run's progress.
 */
export class DigestMetrics {
  private readonly runs: Counter<'frequency'>;
  private readonly batchesQueued: Counter<'frequency'>;
  private readonly batchesSent: Counter<'frequency'>;
  private readonly planned: Counter<'frequency'>;

  constructor(registry: Registry | undefined) {
    const registers = registry ? [registry] : [];
    const counter = (name: string, help: string) => new Counter({ name, help, labelNames: ['frequency'], registers });
    this.runs = counter('digest_runs_total', 'Digest runs that have queued all their batches, by frequency (daily, weekly)');
    this.batchesQueued = counter('digest_batches_queued_total', 'Batches of subscribers queued by digest runs, by frequency');
    this.batchesSent = counter('digest_batches_sent_total', 'Digest batches planned and sent, by frequency');
    this.planned = counter('digest_emails_planned_total', 'Digests planned for subscribers with something new, by frequency');
  }

  onRunQueued(frequency: DigestFrequency, batches: number): void {
    this.runs.inc({ frequency });
    this.batchesQueued.inc({ frequency }, batches);
  }

  onBatchSent(frequency: DigestFrequency, planned: number): void {
    this.batchesSent.inc({ frequency });
    this.planned.inc({ frequency }, planned);
  }
}
