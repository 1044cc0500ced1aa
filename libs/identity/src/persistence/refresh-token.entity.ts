import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity.js';

/** One refresh token of a sign-in (its family). Only the token's hash is stored. */
@Entity('refresh_tokens')
@Index('refresh_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('refresh_tokens_by_family', ['familyId'])
@Index('refresh_tokens_by_user', ['userId'])
@Check('refresh_tokens_within_family', 'expires_at <= family_expires_at')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Shared by every token descended from one sign-in. */
  @Column('uuid')
  familyId!: string;

  @Column('uuid')
  @ForeignKey(() => User, { name: 'refresh_tokens_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;

  @Column('text')
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  /** When the sign-in ends, however often it is refreshed. */
  @Column('timestamptz')
  familyExpiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RefreshToken, { name: 'refresh_tokens_replaced_by_fkey', onDelete: 'SET NULL' })
  replacedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
