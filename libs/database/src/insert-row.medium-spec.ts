import { Column, CreateDateColumn, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { dataSourceOptions } from './data-source-options.js';
import { insertRow } from './insert-row.js';
import { conflictOnDuplicate } from './postgres-errors.js';
import { withTransaction } from './transaction.js';

// Entities of the tables the migrations create, declared here: this lib imports no bounded context.
@Entity('universities')
class UniversityRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column({ type: 'text', nullable: true }) shortName!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('outbox_events')
class OutboxRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false }) position!: string;
  @Column('text') type!: string;
  @Column('integer') version!: number;
  @Column('timestamptz') occurredAt!: Date;
  @Column('text') aggregateType!: string;
  @Column('text') aggregateId!: string;
  @Column('text') correlationId!: string;
  @Column('jsonb') payload!: object;
  @Column({ type: 'integer', default: 0 }) dispatchAttempts!: number;
}

@Entity('universities')
class TransformedName {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', transformer: { to: (name: string) => name.toUpperCase(), from: (name: string) => name } }) name!: string;
}

describe('insertRow: one new row in plain SQL, as the entity manager would write it', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 2 }), entities: [UniversityRow, OutboxRow, TransformedName] }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('returns the row as the entity, with its generated id and default timestamp, as stored', async () => {
    const inserted = await insertRow(dataSource.manager, UniversityRow, { name: 'University of East Anglia', shortName: 'UEA', website: null });
    expect(inserted).toBeInstanceOf(UniversityRow);
    expect(inserted.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(inserted.createdAt).toBeInstanceOf(Date);
    expect(await dataSource.manager.findOneByOrFail(UniversityRow, { id: inserted.id })).toEqual(inserted);
  });

  it('leaves columns it is not given (or given undefined) to their defaults, and writes null as null', async () => {
    const inserted = await insertRow(dataSource.manager, UniversityRow, { name: 'University of Suffolk', shortName: undefined });
    expect(inserted).toMatchObject({ name: 'University of Suffolk', shortName: null, website: null });
    const [row] = await dataSource.query<{ short_name: string | null }[]>(`SELECT short_name FROM universities WHERE id = $1`, [inserted.id]);
    expect(row!.short_name).toBeNull();
  });

  it('writes a jsonb column as the JSON of its value, even an array, and returns the columns it may not insert', async () => {
    // pg would send a bare array as a PostgreSQL array, not as JSON.
    const payload = [{ name: 'Norfolk' }, { name: 'Suffolk' }];
    const inserted = await insertRow(dataSource.manager, OutboxRow, {
      id: '6f1c3f5e-7a4b-4c1d-9e2f-0a1b2c3d4e5f',
      type: 'university.registered',
      version: 1,
      occurredAt: new Date('2027-01-04T09:00:00Z'),
      aggregateType: 'university',
      aggregateId: 'a1',
      correlationId: 'c1',
      payload,
    });
    expect(inserted.payload).toEqual(payload);
    expect(inserted.dispatchAttempts).toBe(0);
    expect(Number(inserted.position)).toBeGreaterThan(0);
    const [row] = await dataSource.query<{ kind: string }[]>(`SELECT jsonb_typeof(payload) AS kind FROM outbox_events WHERE id = $1`, [inserted.id]);
    expect(row!.kind).toBe('array');
  });

  it('writes inside the transaction it is given: a rollback leaves nothing', async () => {
    await expect(
      withTransaction(dataSource, async (transaction) => {
        await insertRow(transaction.manager, UniversityRow, { name: 'Rolled back' });
        throw new Error('the command failed after the insert');
      }),
    ).rejects.toThrow('the command failed after the insert');
    expect(await dataSource.manager.countBy(UniversityRow, { name: 'Rolled back' })).toBe(0);
  });

  it('fails a duplicate as TypeORM does, so conflictOnDuplicate still answers 409', async () => {
    await insertRow(dataSource.manager, UniversityRow, { name: 'Duplicate' });
    await expect(
      conflictOnDuplicate('universities_name_key', 'already registered', () => insertRow(dataSource.manager, UniversityRow, { name: 'DUPLICATE' })),
    ).rejects.toMatchObject({ status: 409, message: 'already registered' });
  });

  it('refuses what it cannot write as the manager would, before writing anything', async () => {
    await expect(insertRow(dataSource.manager, TransformedName, { name: 'Transformed' })).rejects.toThrow('insertRow cannot write TransformedName.name');
    await expect(insertRow(dataSource.manager, OutboxRow, { position: '1' })).rejects.toThrow('OutboxRow has no column position to insert');
    expect(await dataSource.manager.countBy(UniversityRow, { name: 'Transformed' })).toBe(0);
  });
});
