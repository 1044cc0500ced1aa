import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Opportunity } from './opportunity.entity.js';

@Entity('opportunity_sessions')
@Index('opportunity_sessions_by_opportunity', ['opportunityId', 'startsAt'])
@Check('opportunity_sessions_end_after_start', 'ends_at > starts_at')
@Check('opportunity_sessions_somewhere', 'place IS NOT NULL OR online_link IS NOT NULL')
export class OpportunitySession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => Opportunity, { name: 'opportunity_sessions_opportunity_id_fkey', onDelete: 'CASCADE' })
  opportunityId!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  onlineLink!: string | null;
}
