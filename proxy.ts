// Next.js 16's proxy (formerly middleware), on Node.js: it only nudges the background cleanup sweep
// and lets every request through untouched. It never waits for the sweep.
import { NextResponse } from "next/server";
import { pokeBackgroundSweep } from "./lib/conferences/background-sweep";

export function proxy() {
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  return NextResponse.next();
}

export const config = {
  // Pages and API calls only: not the build's static files, icons, robots.txt or the health check.
  matcher: ["/((?!_next/static|_next/image|icon\\.svg|favicon\\.ico|robots\\.txt|api/health).*)"],
};
