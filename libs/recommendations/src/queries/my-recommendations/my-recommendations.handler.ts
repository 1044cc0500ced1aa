import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { cursorKey, londonDateTime, type Page, pageOf } from '#libs/http';
import type { MyRecommendationResponse } from '../../http/recommendation.dto.js';
import { MyRecommendationsQuery } from './my-recommendations.query.js';

@QueryHandler(MyRecommendationsQuery)
export class MyRecommendationsHandler implements IQueryHandler<MyRecommendationsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ practitioner, limit, cursor }: MyRecommendationsQuery): Promise<Page<MyRecommendationResponse>> {
    const after = cursorKey(cursor, 2, ([score, id]) => /^\d{1,3}(\.\d{1,2})?$/.test(score!) && isUUID(id!));
    const rows = await this.dataSource.manager.query<
      {
        id: string;
        partnership_id: string;
        type: MyRecommendationResponse['opportunity']['type'];
        title: string;
        first_session_at: Date;
        closes_at: Date;
        score: number;
        reasons: string[];
        computed_at: Date;
      }[]
    >(
      `SELECT o.id, o.partnership_id, o.type, o.title, o.first_session_at, o.closes_at, r.score, r.reasons, r.computed_at
       FROM recommendations r JOIN opportunities o ON o.id = r.opportunity_id
       WHERE r.practitioner_id = $1 AND o.status = 'published' AND o.closes_at > now() AND o.partnership_id = ANY ($5::uuid[])
         AND ($2::float8 IS NULL OR r.score < $2::float8 OR (r.score = $2::float8 AND r.opportunity_id > $3::uuid))
       ORDER BY r.score DESC, r.opportunity_id
       LIMIT $4`,
      [practitioner.id, after?.[0] ?? null, after?.[1] ?? null, limit + 1, practitioner.partnershipIds],
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        opportunity: {
          id: row.id,
          partnershipId: row.partnership_id,
          type: row.type,
          title: row.title,
          firstSessionAt: londonDateTime(row.first_session_at),
          closesAt: londonDateTime(row.closes_at),
        },
        score: row.score,
        reasons: row.reasons,
        computedAt: londonDateTime(row.computed_at),
      }),
      (row) => [String(row.score), row.id],
    );
  }
}
