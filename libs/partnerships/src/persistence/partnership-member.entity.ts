import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationType } from '../domain/organisation-type.js';
import { Partnership } from './partnership.entity.js';

/** An organisation's membership of a partnership; exactly one of universityId and councilId is set. */
@Entity('partnership_members')
@Index('partnership_members_university_key', ['partnershipId', 'universityId'], { unique: true })
@Index('partnership_members_council_key', ['partnershipId', 'councilId'], { unique: true })
@Index('partnership_members_by_university', ['universityId'], { where: 'university_id IS NOT NULL' })
@Index('partnership_members_by_council', ['councilId'], { where: 'council_id IS NOT NULL' })
@Check('partnership_members_one_organisation', '(university_id IS NULL) <> (council_id IS NULL)')
export class PartnershipMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => Partnership, { name: 'partnership_members_partnership_id_fkey', onDelete: 'CASCADE' })
  partnershipId!: string;

  // Other contexts' tables, named rather than imported: contexts meet only through their index.
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('University', { name: 'partnership_members_university_id_fkey' })
  universityId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Council', { name: 'partnership_members_council_id_fkey' })
  councilId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}

export function memberColumnsOf(type: OrganisationType, organisationId: string): Pick<PartnershipMember, 'universityId' | 'councilId'> {
  return type === 'university' ? { universityId: organisationId, councilId: null } : { universityId: null, councilId: organisationId };
}
