"use client";
// The last resort when even the layout fails: a plain page, no details. Without the layout there is no
// language to ask for, so it says the little it says in every language Planado speaks.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Planado is unavailable for a moment</h1>
          <p>Something went wrong on our side. Your conference is safe. Please reload this page in a minute.</p>
          <div lang="de">
            <h2>Planado ist gerade nicht erreichbar</h2>
            <p>Bei uns ist etwas schiefgegangen. Ihre Konferenz ist sicher. Bitte laden Sie die Seite in einer Minute neu.</p>
          </div>
        </main>
      </body>
    </html>
  );
}
