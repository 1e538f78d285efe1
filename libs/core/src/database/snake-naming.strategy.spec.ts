import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  const s = new SnakeNamingStrategy();
  it.each([
    ['createdAt', 'created_at'],
    ['lastSignInAt', 'last_sign_in_at'],
    ['id', 'id'],
    ['eventID', 'event_id'],
  ])('maps %s to %s', (from, to) => expect(snakeCase(from)).toBe(to));

  it('names tables after the entity without its role suffix', () => {
    expect(s.tableName('OutboxEventOrmEntity')).toBe('outbox_event');
    expect(s.tableName('Whatever', 'custom')).toBe('custom');
  });

  it('prefixes embedded columns', () => {
    expect(s.columnName('amountMinor', undefined, ['total'])).toBe('total_amount_minor');
  });
});
