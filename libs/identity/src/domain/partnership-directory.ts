/**
 * What identity needs to know of partnerships, provided by the partnerships context: identity
 * declares it and partnerships implements it, so neither reaches into the other.
 */
export abstract class PartnershipDirectory {
  /** The partnerships a person works in: their organisation's, or for a lead, those they lead. */
  abstract partnershipsOf(person: { id: string; universityId: string | null; councilId: string | null }): Promise<string[]>;

  /** The partnerships a university or council belongs to. */
  abstract partnershipsOfOrganisation(organisationId: string): Promise<string[]>;

  /** Whether the organisation is a university or a council member of the partnership; null when it is not a member. */
  abstract memberKind(partnershipId: string, organisationId: string): Promise<'university' | 'council' | null>;

  private readonly listeners = new Set<() => void>();

  /** Calls `listener` whenever answers given before may no longer hold. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Says memberships or leads have changed; call it once the change has committed. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
