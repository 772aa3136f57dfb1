import { pingDatabase } from "@/lib/db";

// Always ask the database; never answer from a cache.
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    // Say what is wrong without internal details (hosts, user names, driver messages).
    return Response.json(
      { status: "unavailable", reason: "The database does not answer." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "10" } },
    );
  }
}
