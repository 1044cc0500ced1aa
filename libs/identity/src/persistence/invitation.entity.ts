import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity.js';

/** A one-time token that lets an invited person choose their password. Only its hash is stored. */
@Entity('invitations')
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
@Index('invitations_by_user', ['userId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => User, { name: 'invitations_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;

  @Column('text')
  tokenHash!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => User, { name: 'invitations_invited_by_fkey' })
  invitedBy!: string | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
