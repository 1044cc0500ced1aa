import { Column, Entity, Index } from 'typeorm';
import { Organisation } from './organisation.entity.js';

@Entity('universities')
// Names are unique regardless of case: a unique index on lower(name), in the migration.
@Index('universities_name_order', ['name', 'id'])
export class University extends Organisation {
  @Column({ type: 'text', nullable: true })
  shortName!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;
}
