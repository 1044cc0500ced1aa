import { MatchingConfig } from '#libs/matching';

/** The matching worker's settings: those of the matching context's reactions. */
export class MatchingWorkerConfig extends MatchingConfig {}
