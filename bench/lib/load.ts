/** Load generation with autocannon: warm-up first, then a measured run. */
import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers with another status than expected. */
  unexpected: number;
  total: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead (all of them answered, so they can be counted). */
  amount?: number;
  warmupSeconds?: number;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  expectStatus: number;
}

function once(options: LoadOptions, seconds: number): Promise<autocannon.Result & { unexpected: number }> {
  let unexpected = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: seconds }),
        method: options.method ?? "GET",
        body: options.body,
        headers: options.headers,
      },
      (error, result) => (error ? reject(error) : resolve(Object.assign(result, { unexpected }))),
    );
    // Count any status other than the expected one (a 307 is the success of the redirect scenario).
    instance.on("response", (_client: unknown, statusCode: number) => {
      if (statusCode !== options.expectStatus) unexpected++;
    });
  });
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await once(options, options.warmupSeconds);
  const result = await once(options, options.seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    unexpected: result.unexpected,
    total: result.requests.total,
  };
}
