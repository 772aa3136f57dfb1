/**
 * State that must exist once per process. Planado's code is loaded twice in one process: once inside
 * Next's server bundle (pages, actions, route handlers) and once by our own server in front of it (the
 * request pipeline and the participant's fast path, see server/). A module-level variable would then
 * exist twice, and two copies of a rate limiter or a cache would each see half the traffic. So all
 * such state lives in one registry, the process's only Planado global, under a name each: both copies
 * of the code find the same one.
 */
const REGISTRY = Symbol.for("planado.process-wide");

function registry(): Map<string, unknown> {
  const holder = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

export function processWide<T>(name: `planado${string}`, create: () => T): T {
  const values = registry();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** Forgets a process-wide value (tests only: the next use creates it afresh). */
export function resetProcessWide(name: `planado${string}`): void {
  registry().delete(name);
}
