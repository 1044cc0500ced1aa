import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['aggregateId', 'aggregate_id'],
    ['OutboxEvent', 'outbox_event'],
    ['HTMLBody', 'html_body'],
    ['name', 'name'],
  ])('turns %s into %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });

  it('names columns with their embedded prefixes', () => {
    expect(new SnakeNamingStrategy().columnName('startsAt', undefined, ['session'])).toBe('session_starts_at');
  });

  it('keeps a table name given in the decorator', () => {
    expect(new SnakeNamingStrategy().tableName('University', 'universities')).toBe('universities');
  });
});
