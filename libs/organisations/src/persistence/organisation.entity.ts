import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The columns every type of organisation has; each type is its own table and adds its own. */
export abstract class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
