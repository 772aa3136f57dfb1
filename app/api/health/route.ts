import { pingDatabase } from "@/lib/db";
import { retriedWrites } from "@/lib/write-retry";

// Always ask the database; never answer from a cache.
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDatabase();
    // retriedWrites: writes this process ran again after a deadlock or a Galera conflict (a count
    // only: nothing about whose or which).
    return Response.json({ status: "ok", retriedWrites: retriedWrites() }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    // Say what is wrong without internal details (hosts, user names, driver messages).
    return Response.json(
      { status: "unavailable", reason: "The database does not answer." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "10" } },
    );
  }
}
