import type { Schema } from '#libs/api-contract';

type CouncilKind = Schema<'CouncilResponse'>['kind'];
type Region = Schema<'CouncilResponse'>['region'];

export const COUNCIL_KIND_LABELS: Record<CouncilKind, string> = {
  county: 'County council',
  unitary: 'Unitary authority',
  metropolitan_borough: 'Metropolitan borough',
  london_borough: 'London borough',
};

export const REGION_LABELS: Record<Region, string> = {
  north_east: 'North East',
  north_west: 'North West',
  yorkshire_and_the_humber: 'Yorkshire and the Humber',
  east_midlands: 'East Midlands',
  west_midlands: 'West Midlands',
  east_of_england: 'East of England',
  london: 'London',
  south_east: 'South East',
  south_west: 'South West',
};

export function isCouncilKind(value: string): value is CouncilKind {
  return Object.hasOwn(COUNCIL_KIND_LABELS, value);
}

export function isRegion(value: string): value is Region {
  return Object.hasOwn(REGION_LABELS, value);
}

/** Radio or select items for labels, with `chosen` selected. */
export function itemsOf(labels: Record<string, string>, chosen: string | undefined, key: 'checked' | 'selected' = 'checked') {
  return Object.entries(labels).map(([value, text]) => ({ value, text, [key]: value === chosen }));
}
