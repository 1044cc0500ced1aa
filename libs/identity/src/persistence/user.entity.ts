import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../domain/role.js';

@Entity('users')
@Index('users_by_council', ['councilId'], { where: 'council_id IS NOT NULL' })
@Check(
  'users_role_organisation',
  `(role = 'academic' AND university_id IS NOT NULL AND council_id IS NULL) OR ` +
    `(role = 'practitioner' AND council_id IS NOT NULL AND university_id IS NULL) OR ` +
    `(role IN ('admin', 'partnership_lead') AND university_id IS NULL AND council_id IS NULL)`,
)
// Emails are unique regardless of case: a unique index on lower(email), in the migration.
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  @Column('text')
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('University', { name: 'users_university_id_fkey' })
  universityId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Council', { name: 'users_council_id_fkey' })
  councilId!: string | null;

  /** Null until the person accepts their invitation and chooses a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
