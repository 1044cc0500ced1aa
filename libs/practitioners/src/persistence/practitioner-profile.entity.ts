import { Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage, Format, Period, PepsStage } from '../domain/practitioner.js';

@Entity('practitioner_profiles')
@Index('practitioner_profiles_specialisms', ['specialisms'], { type: 'gin' })
@Index('practitioner_profiles_by_council', ['councilId', 'userId'])
export class PractitionerProfile {
  @PrimaryColumn('uuid')
  @ForeignKey('User', { name: 'practitioner_profiles_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;

  /** The practitioner's council, copied from their user (it never changes), so ranking reads profiles alone. */
  @Column('uuid')
  @ForeignKey('Council', { name: 'practitioner_profiles_council_id_fkey' })
  councilId!: string;

  @Column('text')
  careerStage!: CareerStage;

  @Column('smallint')
  pepsStage!: PepsStage;

  @Column({ type: 'smallint', nullable: true })
  yearsQualified!: number | null;

  @Column('text', { array: true })
  specialisms!: string[];

  @Column('smallint', { array: true })
  availableWeekdays!: number[];

  @Column('jsonb')
  unavailablePeriods!: Period[];

  @Column('text', { array: true })
  preferredFormats!: Format[];

  @Column('smallint')
  maxOpportunitiesPerTerm!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
