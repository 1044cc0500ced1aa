import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { Factors } from '../domain/scoring.js';

/** A practitioner ranked among the best fits for an open opportunity; kept by the matching worker. */
@Entity('recommendations')
@Index('recommendations_by_practitioner', ['practitionerId', 'score'])
export class Recommendation {
  @PrimaryColumn('uuid')
  @ForeignKey('Opportunity', { name: 'recommendations_opportunity_id_fkey', onDelete: 'CASCADE' })
  opportunityId!: string;

  @PrimaryColumn('uuid')
  @ForeignKey('User', { name: 'recommendations_practitioner_id_fkey', onDelete: 'CASCADE' })
  practitionerId!: string;

  @Column('double precision')
  score!: number;

  @Column('text', { array: true })
  reasons!: string[];

  @Column('jsonb')
  factors!: Factors;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
