import type { Role } from './role.js';

/** Who is making the request, and the partnerships they may see and act in. */
export interface Caller {
  id: string;
  role: Role;
  universityId: string | null;
  councilId: string | null;
  /** Partnerships their organisation belongs to; for a lead, the partnerships they lead. Empty for an admin, who sees all. */
  partnershipIds: string[];
}

export const isAdmin = (caller: Caller) => caller.role === 'admin';

/** Whether the caller may see records of `partnershipId`; another partnership's records are answered as not found. */
export const canSeePartnership = (caller: Caller, partnershipId: string) => isAdmin(caller) || caller.partnershipIds.includes(partnershipId);
