import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage } from '#libs/practitioners';
import type { OpportunityStatus, OpportunityType } from './opportunity.js';

@Entity('opportunities')
@Index('opportunities_by_partnership', ['partnershipId', 'status', 'closesAt'])
@Check('opportunities_one_host', '(host_university_id IS NULL) <> (host_council_id IS NULL)')
@Check('opportunities_peps_for_practice_educators', "type <> 'practice_educator' OR peps_stage IS NOT NULL")
@Check('opportunities_capacity_check', 'capacity >= 1')
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('Partnership', { name: 'opportunities_partnership_id_fkey' })
  partnershipId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('University', { name: 'opportunities_host_university_id_fkey' })
  hostUniversityId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Council', { name: 'opportunities_host_council_id_fkey' })
  hostCouncilId: string | null;

  @Column('text')
  type: OpportunityType;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  status: OpportunityStatus;

  @Column('integer')
  capacity: number;

  @Column('text', { array: true })
  requiredSpecialisms: string[];

  @Column('text')
  minimumCareerStage: CareerStage;

  @Column({ type: 'smallint', nullable: true })
  pepsStage: number | null;

  @Column('timestamptz')
  closesAt: Date;

  @Column('text')
  contact: string;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column('uuid')
  @ForeignKey('User', { name: 'opportunities_created_by_fkey' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
