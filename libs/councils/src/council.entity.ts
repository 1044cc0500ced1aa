import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CouncilKind, EnglishRegion } from './council.js';

@Entity('councils')
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
