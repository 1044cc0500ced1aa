import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { PREPARED } from '#libs/database';
import { pageOf } from '#libs/http';
import { type Caller, isAdmin } from '#libs/identity';
import { CAREER_STAGES } from '#libs/practitioners';
import type { OpportunityListParams, Sort } from '../../http/find-opportunities.params.js';
import type { OpportunityPage } from '../../http/opportunity.dto.js';
import { afterCursor } from '../../persistence/opportunity-cursor.js';
import { Opportunity } from '../../persistence/opportunity.entity.js';
import { toOpportunityResponses } from '../../persistence/opportunity.read.js';
import { FindOpportunitiesQuery } from './find-opportunities.query.js';

// Must match the expression index opportunities_search exactly, or the index is not used.
const SEARCH_DOCUMENT = `(setweight(to_tsvector('english', o.title), 'A') || setweight(to_tsvector('english', o.description), 'B'))`;

const ORDER: Record<Sort, { column: 'firstSessionAt' | 'createdAt' | 'closesAt'; sql: string; direction: 'ASC' | 'DESC' }> = {
  soonest: { column: 'firstSessionAt', sql: 'o.first_session_at', direction: 'ASC' },
  newest: { column: 'createdAt', sql: 'o.created_at', direction: 'DESC' },
  closing_soon: { column: 'closesAt', sql: 'o.closes_at', direction: 'ASC' },
};

/** Only what the caller may see: their partnerships; drafts for those who may change them; for a practitioner, what they could join. */
function restrictToVisible(query: SelectQueryBuilder<Opportunity>, caller: Caller): void {
  if (isAdmin(caller)) return;
  query.andWhere('o.partnership_id = ANY(:partnerships)', { partnerships: caller.partnershipIds });
  if (caller.role === 'academic') query.andWhere(`(o.status <> 'draft' OR o.host_university_id = :university)`, { university: caller.universityId });
  if (caller.role === 'practitioner') {
    query.andWhere(`o.status = 'published' AND o.closes_at > now()`);
    // Eligibility from the profile, when there is one: career stage and PEPS stage at or above what is asked.
    query.andWhere(
      `NOT EXISTS (SELECT 1 FROM practitioner_profiles p WHERE p.user_id = :me AND (
         array_position(CAST(:stages AS text[]), p.career_stage) < array_position(CAST(:stages AS text[]), o.minimum_career_stage)
         OR (o.peps_stage IS NOT NULL AND p.peps_stage < o.peps_stage)))`,
      { me: caller.id, stages: [...CAREER_STAGES] },
    );
  }
}

function applyFilters(query: SelectQueryBuilder<Opportunity>, params: OpportunityListParams): void {
  if (params.q) query.andWhere(`${SEARCH_DOCUMENT} @@ websearch_to_tsquery('english', :q)`, { q: params.q });
  if (params.type) query.andWhere('o.type = :type', { type: params.type });
  if (params.status) query.andWhere('o.status = :status', { status: params.status });
  if (params.partnershipId) query.andWhere('o.partnership_id = :partnershipId', { partnershipId: params.partnershipId });
  if (params.hostOrganisationId) {
    query.andWhere('(o.host_university_id = :host OR o.host_council_id = :host)', { host: params.hostOrganisationId });
  }
  if (params.specialism) query.andWhere('o.required_specialisms @> ARRAY[:specialism]::text[]', { specialism: params.specialism });
  if (params.startsFrom) query.andWhere('o.first_session_at >= :startsFrom', { startsFrom: params.startsFrom });
  if (params.startsBefore) query.andWhere('o.first_session_at < :startsBefore', { startsBefore: params.startsBefore });
  if (params.format?.length) {
    // Looked up per opportunity by opportunity_sessions_by_opportunity: an opportunity has a few sessions.
    const kinds = [...new Set(params.format)].map((format) => (format === 'online' ? 's.online_link IS NOT NULL' : 's.place IS NOT NULL'));
    query.andWhere(`EXISTS (SELECT 1 FROM opportunity_sessions s WHERE s.opportunity_id = o.id AND (${kinds.join(' OR ')}))`);
  }
  // Until matches take places, an opportunity has places left unless it was marked filled.
  if (params.hasFreePlaces !== undefined) query.andWhere(params.hasFreePlaces ? `o.status <> 'filled'` : `o.status = 'filled'`);
}

@QueryHandler(FindOpportunitiesQuery)
export class FindOpportunitiesHandler implements IQueryHandler<FindOpportunitiesQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ params, caller }: FindOpportunitiesQuery): Promise<OpportunityPage> {
    const order = ORDER[params.sort];
    // Named per variant of the built SQL: the plan, a third of the search's time, is made once per connection.
    const query = this.dataSource.manager.createQueryBuilder(Opportunity, 'o').comment(PREPARED);
    restrictToVisible(query, caller);
    applyFilters(query, params);
    // Counted on the first page only: later pages keep the count the person was shown.
    const total = params.cursor ? null : query.clone().getCount();
    const after = afterCursor(params.cursor);
    if (after) {
      const comparison = order.direction === 'ASC' ? '>' : '<';
      query.andWhere(`(${order.sql}, o.id) ${comparison} (:afterAt, :afterId)`, { afterAt: after.at, afterId: after.id });
    }
    query.orderBy(order.sql, order.direction).addOrderBy('o.id', order.direction).limit(params.limit + 1);
    const page = pageOf(await query.getMany(), params.limit, (row) => row, (row) => [row[order.column].toISOString(), row.id]);
    return { ...page, items: await toOpportunityResponses(this.dataSource.manager, page.items, caller), total: total === null ? null : await total };
  }
}
