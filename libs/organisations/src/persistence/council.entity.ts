import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CouncilKind, EnglishRegion } from '../domain/council.js';

@Entity('councils')
// Names are unique regardless of case: a unique index on lower(name), in the migration.
@Index('councils_name_order', ['name', 'id'])
export class Council {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: CouncilKind;

  @Column('text')
  region: EnglishRegion;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
