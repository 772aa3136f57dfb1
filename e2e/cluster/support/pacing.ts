/** How the cluster tests pace their work: a pause, and many requests at most a few at a time. */

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Runs `work` on every item, at most `limit` at a time, in order of the items. */
export async function eachLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
