
export default function InvitationNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">This invitation does not work</h1>
      <p>
        The conference has ended or was deleted, or the link was not copied completely. Please ask the organizer for a new
        invitation.
      </p>
      <a href="/" className="font-medium underline">
        Book a conference of your own
      </a>
    </div>
  );
}
