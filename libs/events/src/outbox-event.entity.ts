import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A domain event written in the same transaction as the change it describes, waiting for the relay. */
@Entity('outbox_events')
@Index('outbox_events_pending', ['position'], { where: 'dispatched_at IS NULL' })
@Index('outbox_events_dispatched', ['dispatchedAt'], { where: 'dispatched_at IS NOT NULL' })
export class OutboxEventRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  position!: string;

  @Column('text')
  type!: string;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('text')
  aggregateType!: string;

  @Column('text')
  aggregateId!: string;

  @Column({ type: 'uuid', nullable: true })
  partnershipId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column('text')
  correlationId!: string;

  @Column('jsonb')
  payload!: object;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  dispatchAttempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
