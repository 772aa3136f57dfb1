"use client";
// The last resort when even the layout fails: a plain page, no details.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <h1>Planado is unavailable for a moment</h1>
        <p>Something went wrong on our side. Your conference is safe. Please reload this page in a minute.</p>
      </body>
    </html>
  );
}
