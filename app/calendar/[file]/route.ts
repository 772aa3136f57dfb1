// Calendar files come with the issue "Calendar files"; until then the link answers honestly.
export function GET() {
  return new Response("Calendar files are not available yet.\n", {
    status: 501,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
