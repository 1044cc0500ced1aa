import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from '../domain/application.js';

@Entity('applications')
@Index('applications_one_per_practitioner', ['opportunityId', 'practitionerId'], { unique: true })
@Index('applications_by_practitioner', ['practitionerId', 'submittedAt'])
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('Opportunity', { name: 'applications_opportunity_id_fkey' })
  opportunityId!: string;

  @Column('uuid')
  @ForeignKey('User', { name: 'applications_practitioner_id_fkey' })
  practitionerId!: string;

  @Column('text')
  statement!: string;

  @Column('text')
  status!: ApplicationStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
