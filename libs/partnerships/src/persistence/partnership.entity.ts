import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('partnerships')
// Names are unique regardless of case: a unique index on lower(name), in the migration.
@Index('partnerships_name_order', ['name', 'id'])
@Index('partnerships_listed_publicly', ['name', 'id'], { where: 'lists_publicly' })
export class Partnership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: false })
  academicsMayProposeMatches!: boolean;

  @Column({ type: 'boolean', default: false })
  listsPublicly!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
