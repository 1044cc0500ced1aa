import { IsInt, Max, Min } from 'class-validator';
import { WorkerConfig } from '#libs/event-consumer';

/** Settings of matching's reactions, in the process that consumes its events. */
export class MatchingConfig extends WorkerConfig {
  /** How many practitioners each open opportunity keeps as recommendations, best first. */
  @IsInt()
  @Min(1)
  @Max(500)
  RECOMMENDATIONS_PER_OPPORTUNITY: number = 25;
}
