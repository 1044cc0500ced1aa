import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity.js';

/** A one-time token that lets a person choose a new password. Only its hash is stored. */
@Entity('password_resets')
@Index('password_resets_token_hash_key', ['tokenHash'], { unique: true })
@Index('password_resets_by_user', ['userId'])
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => User, { name: 'password_resets_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;

  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
