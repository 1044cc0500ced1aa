import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A specialism practitioners and opportunities are described with; shared when partnershipId is null. */
@Entity('specialisms')
export class Specialism {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  label!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Partnership', { name: 'specialisms_partnership_id_fkey', onDelete: 'CASCADE' })
  partnershipId!: string | null;
}
