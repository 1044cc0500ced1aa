import type { Schema } from '#libs/api-contract';
import { type ApiClient, answer } from '../api/api-client.js';

type Decisions = Schema<'PartnershipDecisions'>;

/** Each item knows its partnership's name, for a lead of more than one. */
type Named<T> = T & { partnershipName: string };

export interface LeadHome {
  partnershipCount: number;
  proposedMatches: Named<Decisions['proposedMatches'][number]>[];
  waitingApplications: Named<Decisions['waitingApplications'][number]>[];
  closingSoon: Named<Decisions['closingSoon'][number]>[];
  counts: Decisions['counts'];
}

/** What waits for a lead across the partnerships they lead, from one call per partnership. */
export async function leadHome(api: ApiClient): Promise<LeadHome> {
  const partnerships = (await answer(api.GET('/api/partnerships', { params: { query: { limit: 100 } } }))).items;
  const all = await Promise.all(
    partnerships.map(async (partnership) => ({
      name: partnership.name,
      decisions: await answer(api.GET('/api/partnerships/{id}/decisions', { params: { path: { id: partnership.id } } })),
    })),
  );
  const merged = <K extends 'proposedMatches' | 'waitingApplications' | 'closingSoon'>(key: K, at: (item: Decisions[K][number]) => string) =>
    all
      .flatMap(({ name, decisions }) => (decisions[key] as Decisions[K][number][]).map((item) => ({ ...item, partnershipName: name })))
      .sort((a, b) => Date.parse(at(a)) - Date.parse(at(b))) as Named<Decisions[K][number]>[];
  const total = (key: keyof Decisions['counts']) => all.reduce((sum, { decisions }) => sum + decisions.counts[key], 0);
  return {
    partnershipCount: partnerships.length,
    proposedMatches: merged('proposedMatches', (item) => item.match.proposedAt),
    waitingApplications: merged('waitingApplications', (item) => item.application.submittedAt),
    closingSoon: merged('closingSoon', (item) => item.closesAt),
    counts: { proposedMatches: total('proposedMatches'), waitingApplications: total('waitingApplications'), closingSoon: total('closingSoon') },
  };
}
