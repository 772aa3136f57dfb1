
export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Not found</h1>
      <p>
        There is nothing here. If you followed an invitation or admin link, the conference may have ended or been deleted, or
        the link was not copied completely.
      </p>
      <a href="/" className="font-medium underline">
        Book a conference
      </a>
    </div>
  );
}
