import { jest } from '@jest/globals';
import { ServiceSlice } from '#libs/testing';
import { addJobs, POSTGRES_BULK_FROM } from './queue-backend.js';

const jobsNamed = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({ name: 'opportunity.published', data: { n: index }, opts: { jobId: `${prefix}-${index}` } }));

describe('adding jobs on PostgreSQL', () => {
  let slice: ServiceSlice;

  beforeAll(async () => {
    slice = await ServiceSlice.create({ QUEUE_BACKEND: 'postgres' });
  });
  afterAll(() => slice.close());
  afterEach(() => jest.restoreAllMocks());

  it('adds a small batch one job at a time and a large one in bulk, each job once however often it is sent', async () => {
    const queue = slice.namedQueue('add-jobs');
    const addBulk = jest.spyOn(queue, 'addBulk');
    const small = jobsNamed('small', POSTGRES_BULK_FROM - 1);
    const large = jobsNamed('large', POSTGRES_BULK_FROM);

    await addJobs(slice.queueSettings, queue, small);
    expect(addBulk).not.toHaveBeenCalled();
    await addJobs(slice.queueSettings, queue, large);
    expect(addBulk).toHaveBeenCalledTimes(1);
    // A relay that sends a batch again (its mark was lost) adds nothing twice, on either path.
    await addJobs(slice.queueSettings, queue, small);
    await addJobs(slice.queueSettings, queue, large);

    expect(await queue.getWaitingCount()).toBe(small.length + large.length);
    const job = await queue.getJob('small-3');
    expect(job?.data).toEqual({ n: 3 });
    expect(job?.name).toBe('opportunity.published');
  });
});
