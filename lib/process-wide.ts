/**
 * State that must exist once per process. Planado's code is loaded twice in one process: once inside
 * Next's server bundle (pages, actions, the proxy) and once by our own server in front of it (the
 * participant's fast path, see server/). A module-level variable would then exist twice, and two copies
 * of a rate limiter or a cache would each see half the traffic; kept on globalThis under one name, both
 * copies share it.
 */
export function processWide<T>(name: `planado${string}`, create: () => T): T {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  holder[name] ??= create();
  return holder[name];
}

/** Forgets a process-wide value (tests only: the next use creates it afresh). */
export function resetProcessWide(name: `planado${string}`): void {
  delete (globalThis as unknown as Record<string, unknown>)[name];
}
