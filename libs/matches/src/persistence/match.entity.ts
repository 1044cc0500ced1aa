import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchStatus } from '../domain/match.js';

@Entity('matches')
@Index('matches_one_live_per_practitioner', ['opportunityId', 'practitionerId'], { unique: true, where: "status IN ('proposed', 'approved')" })
@Index('matches_by_practitioner', ['practitionerId'])
@Index('matches_by_opportunity', ['opportunityId', 'practitionerId'])
export class Match {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('Opportunity', { name: 'matches_opportunity_id_fkey' })
  opportunityId!: string;

  @Column('uuid')
  @ForeignKey('User', { name: 'matches_practitioner_id_fkey' })
  practitionerId!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Application', { name: 'matches_application_id_fkey' })
  applicationId!: string | null;

  @Column('text')
  status!: MatchStatus;

  @Column('uuid')
  @ForeignKey('User', { name: 'matches_proposed_by_fkey' })
  proposedBy!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('User', { name: 'matches_decided_by_fkey' })
  decidedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  proposedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
