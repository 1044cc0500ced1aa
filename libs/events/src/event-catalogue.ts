/**
 * The published contract between the contexts that emit events and the workers that consume them:
 * every event type, its current version, the aggregate it belongs to, and its payload.
 * A change to a payload's shape is a new version, never an edit.
 */
export interface EventCatalogue {
  'university.registered': {
    version: 1;
    aggregateType: 'university';
    payload: { universityId: string; name: string; shortName: string | null };
  };
  'council.registered': {
    version: 1;
    aggregateType: 'council';
    payload: { councilId: string; name: string; kind: string; region: string };
  };
}

export type EventType = keyof EventCatalogue;
export type EventPayload<T extends EventType> = EventCatalogue[T]['payload'];

export const EVENT_VERSIONS: { readonly [T in EventType]: EventCatalogue[T]['version'] } = {
  'university.registered': 1,
  'council.registered': 1,
};

export const AGGREGATE_TYPES: { readonly [T in EventType]: EventCatalogue[T]['aggregateType'] } = {
  'university.registered': 'university',
  'council.registered': 'council',
};

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_VERSIONS, type);
}
