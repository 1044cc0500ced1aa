import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage } from '#libs/practitioners';
import type { OpportunityStatus, OpportunityType } from '../domain/opportunity.js';

@Entity('opportunities')
@Index('opportunities_by_partnership', ['partnershipId', 'status', 'closesAt'])
@Index('opportunities_by_first_session', ['partnershipId', 'firstSessionAt', 'id'])
@Index('opportunities_by_created', ['partnershipId', 'createdAt', 'id'])
@Index('opportunities_by_closing', ['partnershipId', 'closesAt', 'id'])
@Index('opportunities_by_type', ['type'])
@Index('opportunities_by_host_university', ['hostUniversityId'])
@Index('opportunities_by_host_council', ['hostCouncilId'])
@Index('opportunities_specialisms', ['requiredSpecialisms'], { type: 'gin' })
// Full-text search uses an expression index on title and description, in the migration.
@Check('opportunities_one_host', '(host_university_id IS NULL) <> (host_council_id IS NULL)')
@Check('opportunities_peps_for_practice_educators', "type <> 'practice_educator' OR peps_stage IS NOT NULL")
@Check('opportunities_capacity_check', 'capacity >= 1')
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('Partnership', { name: 'opportunities_partnership_id_fkey' })
  partnershipId!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('University', { name: 'opportunities_host_university_id_fkey' })
  hostUniversityId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Council', { name: 'opportunities_host_council_id_fkey' })
  hostCouncilId!: string | null;

  @Column('text')
  type!: OpportunityType;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text')
  status!: OpportunityStatus;

  @Column('integer')
  capacity!: number;

  @Column('text', { array: true })
  requiredSpecialisms!: string[];

  @Column('text')
  minimumCareerStage!: CareerStage;

  @Column({ type: 'smallint', nullable: true })
  pepsStage!: number | null;

  @Column('timestamptz')
  closesAt!: Date;

  /** When the first session starts: what "soonest" sorts by and date ranges filter on. */
  @Column('timestamptz')
  firstSessionAt!: Date;

  @Column('text')
  contact!: string;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column('uuid')
  @ForeignKey('User', { name: 'opportunities_created_by_fkey' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
