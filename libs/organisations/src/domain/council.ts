/** Kinds of English local authority that employ social workers. */
export const COUNCIL_KINDS = ['county', 'unitary', 'metropolitan_borough', 'london_borough'] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];

/** The nine regions of England. */
export const ENGLISH_REGIONS = [
  'north_east',
  'north_west',
  'yorkshire_and_the_humber',
  'east_midlands',
  'west_midlands',
  'east_of_england',
  'london',
  'south_east',
  'south_west',
] as const;
export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];
