import { Column, Entity, Index } from 'typeorm';
import type { CouncilKind, EnglishRegion } from '../domain/council.js';
import { Organisation } from './organisation.entity.js';

@Entity('councils')
// Names are unique regardless of case: a unique index on lower(name), in the migration.
@Index('councils_name_order', ['name', 'id'])
export class Council extends Organisation {
  @Column('text')
  kind!: CouncilKind;

  @Column('text')
  region!: EnglishRegion;
}
