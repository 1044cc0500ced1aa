import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Partnership } from './partnership.entity.js';

/** A person who runs a partnership: approves its matches and sees its reports. */
@Entity('partnership_leads')
@Index('partnership_leads_by_user', ['userId'])
export class PartnershipLead {
  @PrimaryColumn('uuid')
  @ForeignKey(() => Partnership, { name: 'partnership_leads_partnership_id_fkey', onDelete: 'CASCADE' })
  partnershipId!: string;

  @PrimaryColumn('uuid')
  @ForeignKey('User', { name: 'partnership_leads_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  appointedAt!: Date;
}
