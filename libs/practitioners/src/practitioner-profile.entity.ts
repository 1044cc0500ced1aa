import { Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage, Format, Period, PepsStage } from './practitioner.js';

@Entity('practitioner_profiles')
@Index('practitioner_profiles_specialisms', ['specialisms'], { type: 'gin' })
export class PractitionerProfile {
  @PrimaryColumn('uuid')
  @ForeignKey('User', { name: 'practitioner_profiles_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column('text')
  careerStage: CareerStage;

  @Column('smallint')
  pepsStage: PepsStage;

  @Column({ type: 'smallint', nullable: true })
  yearsQualified: number | null;

  @Column('text', { array: true })
  specialisms: string[];

  @Column('smallint', { array: true })
  availableWeekdays: number[];

  @Column('jsonb')
  unavailablePeriods: Period[];

  @Column('text', { array: true })
  preferredFormats: Format[];

  @Column('smallint')
  maxOpportunitiesPerTerm: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
