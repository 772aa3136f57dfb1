/** Rate limits and CORS, on the server configured with low limits and one allowed website. */
import { expect, test } from "@playwright/test";
import { OPERATOR_OPTIONS_PORT } from "../support/settings";
import { daysAhead, ownClient } from "../support/planado";

test.use({ baseURL: `http://127.0.0.1:${OPERATOR_OPTIONS_PORT}` });

/** Each test is its own client (the address a reverse proxy would append), so tests do not share limits. */
const client = ownClient;
const body = () => ({ name: "Limited", start: `${daysAhead(4)}T10:00`, timeZone: "UTC" });

test("bookings are limited per client, with 429 and Retry-After", async ({ request }) => {
  const me = client();
  for (let i = 0; i < 3; i++) expect((await request.post("/api/v1/conferences", { headers: me, data: body() })).status()).toBe(201);
  const limited = await request.post("/api/v1/conferences", { headers: me, data: body() });
  expect(limited.status()).toBe(429);
  expect(limited.headers()["content-type"]).toBe("application/problem+json");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(60);
  expect(await limited.json()).toMatchObject({ type: "urn:planado:problem:rate-limited", status: 429 });
  // Someone else is not affected.
  expect((await request.post("/api/v1/conferences", { headers: client(), data: body() })).status()).toBe(201);
});

test("look-ups are limited per client too, hits and misses alike", async ({ request }) => {
  const me = client();
  const created = await (await request.post("/api/v1/conferences", { headers: client(), data: body() })).json();
  const paths = [`/api/v1/invitations/${created.invitationId}`, "/api/v1/invitations/abcdefghijklmnopqrstuvwxyz", `/api/v1/conferences/${created.adminId}`];
  for (let i = 0; i < 5; i++) expect([200, 404]).toContain((await request.get(paths[i % 3]!, { headers: me })).status());
  const limited = await request.get(paths[0]!, { headers: me });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
});

test("CORS: the allowed website may call the API from a browser, others may not", async ({ request }) => {
  const preflight = await request.fetch("/api/v1/conferences", {
    method: "OPTIONS",
    headers: { Origin: "https://site.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()).toMatchObject({
    "access-control-allow-origin": "https://site.example",
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "Content-Type, If-Match",
  });
  const booked = await request.post("/api/v1/conferences", { headers: { ...client(), Origin: "https://site.example" }, data: body() });
  expect(booked.headers()["access-control-allow-origin"]).toBe("https://site.example");
  expect(booked.headers()["access-control-expose-headers"]).toContain("Location");

  const stranger = await request.fetch("/api/v1/conferences", {
    method: "OPTIONS",
    headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
  });
  expect(stranger.headers()["access-control-allow-origin"]).toBeUndefined();
  const strangerPost = await request.post("/api/v1/conferences", { headers: { ...client(), Origin: "https://evil.example" }, data: body() });
  expect(strangerPost.headers()["access-control-allow-origin"]).toBeUndefined();
});
