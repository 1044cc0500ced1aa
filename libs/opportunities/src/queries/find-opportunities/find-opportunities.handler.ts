import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PREPARED_SQL } from '#libs/database';
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

/** A WHERE clause and its values, `$1`, `$2`… in the order they were bound. */
class Conditions {
  readonly values: unknown[] = [];
  private readonly conditions: string[] = [];

  bind(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  and(condition: string): void {
    this.conditions.push(condition);
  }

  get sql(): string {
    return this.conditions.length > 0 ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Only what the caller may see: their partnerships; drafts for those who may change them; for a practitioner, what they could join. */
function restrictToVisible(where: Conditions, caller: Caller): void {
  if (isAdmin(caller)) return;
  where.and(`o.partnership_id = ANY(${where.bind(caller.partnershipIds)})`);
  if (caller.role === 'academic') where.and(`(o.status <> 'draft' OR o.host_university_id = ${where.bind(caller.universityId)})`);
  if (caller.role === 'practitioner') {
    where.and(`o.status = 'published' AND o.closes_at > now()`);
    // Eligibility from the profile, when there is one: career stage and PEPS stage at or above what is asked.
    const stages = where.bind([...CAREER_STAGES]);
    where.and(
      `NOT EXISTS (SELECT 1 FROM practitioner_profiles p WHERE p.user_id = ${where.bind(caller.id)} AND (
         array_position(CAST(${stages} AS text[]), p.career_stage) < array_position(CAST(${stages} AS text[]), o.minimum_career_stage)
         OR (o.peps_stage IS NOT NULL AND p.peps_stage < o.peps_stage)))`,
    );
  }
}

function applyFilters(where: Conditions, params: OpportunityListParams): void {
  if (params.q) where.and(`${SEARCH_DOCUMENT} @@ websearch_to_tsquery('english', ${where.bind(params.q)})`);
  if (params.type) where.and(`o.type = ${where.bind(params.type)}`);
  if (params.status) where.and(`o.status = ${where.bind(params.status)}`);
  if (params.partnershipId) where.and(`o.partnership_id = ${where.bind(params.partnershipId)}`);
  if (params.hostOrganisationId) {
    const host = where.bind(params.hostOrganisationId);
    where.and(`(o.host_university_id = ${host} OR o.host_council_id = ${host})`);
  }
  if (params.specialism) where.and(`o.required_specialisms @> ARRAY[${where.bind(params.specialism)}]::text[]`);
  if (params.startsFrom) where.and(`o.first_session_at >= ${where.bind(params.startsFrom)}`);
  if (params.startsBefore) where.and(`o.first_session_at < ${where.bind(params.startsBefore)}`);
  if (params.format?.length) {
    // Looked up per opportunity by opportunity_sessions_by_opportunity: an opportunity has a few sessions.
    const kinds = [...new Set(params.format)].map((format) => (format === 'online' ? 's.online_link IS NOT NULL' : 's.place IS NOT NULL'));
    where.and(`EXISTS (SELECT 1 FROM opportunity_sessions s WHERE s.opportunity_id = o.id AND (${kinds.join(' OR ')}))`);
  }
  // Until matches take places, an opportunity has places left unless it was marked filled.
  if (params.hasFreePlaces !== undefined) where.and(params.hasFreePlaces ? `o.status <> 'filled'` : `o.status = 'filled'`);
}

/**
 * The search in plain SQL: on the API's busiest path, building it through TypeORM's query builder
 * and turning rows into entities cost more Node CPU than the rest of the request's own work.
 */
@QueryHandler(FindOpportunitiesQuery)
export class FindOpportunitiesHandler implements IQueryHandler<FindOpportunitiesQuery> {
  /** Every column of the entity, under its property's name, so that a row is an Opportunity as pg reads it. */
  private readonly columns: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = dataSource
      .getMetadata(Opportunity)
      .columns.map((column) => `o.${column.databaseName} AS "${column.propertyName}"`)
      .join(', ');
  }

  async execute({ params, caller }: FindOpportunitiesQuery): Promise<OpportunityPage> {
    const order = ORDER[params.sort];
    const manager = this.dataSource.manager;
    const where = new Conditions();
    restrictToVisible(where, caller);
    applyFilters(where, params);
    // Named per variant of the SQL: the plan, a third of the search's time, is made once per connection.
    // Counted on the first page only: later pages keep the count the person was shown.
    const total = params.cursor
      ? null
      : manager.query<{ total: number }[]>(`${PREPARED_SQL}SELECT count(*)::int AS total FROM opportunities o${where.sql}`, [...where.values]);
    const after = afterCursor(params.cursor);
    if (after) {
      const comparison = order.direction === 'ASC' ? '>' : '<';
      where.and(`(${order.sql}, o.id) ${comparison} (${where.bind(after.at)}, ${where.bind(after.id)})`);
    }
    const rows = await manager.query<Opportunity[]>(
      `${PREPARED_SQL}SELECT ${this.columns} FROM opportunities o${where.sql} ORDER BY ${order.sql} ${order.direction}, o.id ${order.direction} LIMIT ${params.limit + 1}`,
      where.values,
    );
    const page = pageOf(rows, params.limit, (row) => row, (row) => [row[order.column].toISOString(), row.id]);
    return { ...page, items: await toOpportunityResponses(manager, page.items, caller), total: total === null ? null : (await total)[0]!.total };
  }
}
