import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findByAdminId } from "@/lib/conferences";
import { describeRepeat, formatStartWithZone, invitationText, mailtoLink } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { calendarLinks } from "@/lib/calendar";
import { adminUrl, invitationUrl } from "@/lib/conferences/links";
import { timeZoneNames } from "@/lib/time/zoned";
import { editConference } from "../../actions";
import { baseUrl } from "../../_shared/base-url";
import { visitorLookUp } from "../../_shared/visitor";
import { editDefaults } from "../../_shared/defaults";
import { CalendarLinks } from "../../_components/calendar-links";
import { CopyButton } from "../../_components/copy-button";
import { inputClass } from "../../_components/field";
import { QrCode } from "../../_components/qr-code";
import { ScheduleForm } from "../../_components/schedule-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your conference", robots: { index: false, follow: false } };

const notice = "rounded-lg border px-4 py-3";
const secondaryButton =
  "inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40 dark:text-sky-300 dark:hover:bg-slate-800";

export default async function AdminPage({ params, searchParams }: PageProps<"/a/[adminId]">) {
  const { adminId } = await params;
  const query = await searchParams;
  const conference = await visitorLookUp(() => findByAdminId(adminId));
  if (!conference) notFound();

  const name = nameFromLink(query.n);
  const title = name ?? "Your conference";
  const base = await baseUrl();
  const links = {
    invitation: invitationUrl(base, conference.invitationId, name),
    bareInvitation: invitationUrl(base, conference.invitationId),
    admin: adminUrl(base, adminId, name),
  };
  const calendar = calendarLinks(base, conference, name);
  const when = formatStartWithZone(conference.startsAt, conference.timeZone);
  const repeat = describeRepeat(conference.repeat, conference.remainingOccurrences);
  const text = invitationText({ name: title, when, repeat, invitationUrl: links.invitation, calendarUrl: calendar.file, subscriptionUrl: calendar.webcal });
  const deleteQuery = name ? `?${new URLSearchParams({ n: name })}` : "";

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        {query.booked === "1" && (
          <p role="status" className={`${notice} border-emerald-700 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50`}>
            Your conference is booked. Send the invitation to the participants and keep this page&rsquo;s address.
          </p>
        )}
        {query.conflict === "1" && (
          <p role="status" className={`${notice} border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50`}>
            Your change was not saved: the conference was changed meanwhile (in another window, or its next meeting began).
            Below is the current schedule; please make your change again.
          </p>
        )}
        {query.updated === "1" && (
          <p role="status" className={`${notice} border-emerald-700 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50`}>
            Your changes are saved. Participants who downloaded the calendar file need the new one: send them the invitation
            below again. Those who subscribed see the change by themselves.
          </p>
        )}
        <h1 className="break-words text-3xl font-bold tracking-tight">{title}</h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Starts</dt>
          <dd data-testid="starts">{when}</dd>
          <dt className="font-medium">Duration</dt>
          <dd>{conference.durationMinutes} minutes</dd>
          <dt className="font-medium">Repeats</dt>
          <dd data-testid="repeats">{repeat}</dd>
        </dl>
      </header>

      <section aria-labelledby="invite-title" className="space-y-4">
        <h2 id="invite-title" className="text-xl font-semibold">
          Invite participants
        </h2>
        <div>
          <label htmlFor="invitation-link" className="mb-1 block font-medium">
            Invitation link
          </label>
          <input id="invitation-link" readOnly value={links.invitation} className={inputClass} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <CopyButton text={text} label="Copy invitation" />
          <a href={mailtoLink(title, text)} className={secondaryButton}>
            Send by e-mail
          </a>
        </div>
        <CalendarLinks links={calendar} />
        <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <summary className="cursor-pointer font-medium">Invitation text</summary>
          <label htmlFor="invitation-text" className="sr-only">
            Invitation text
          </label>
          <textarea id="invitation-text" readOnly rows={9} value={text} className={`${inputClass} mt-2 font-mono text-sm`} />
        </details>
        <QrCode url={links.invitation} fallbackUrl={links.bareInvitation} label="QR code of the invitation link" />
        <p className="text-sm text-slate-600 dark:text-slate-400">Planado never learns whom you invite.</p>
      </section>

      <section aria-labelledby="admin-title" className="space-y-3">
        <h2 id="admin-title" className="text-xl font-semibold">
          Your admin link
        </h2>
        <p className={`${notice} border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50`}>
          Keep this link private: anyone who has it can change or delete the conference. Bookmark it; Planado cannot send it
          to you again.
        </p>
        <label htmlFor="admin-link" className="sr-only">
          Admin link
        </label>
        <input id="admin-link" readOnly value={links.admin} className={inputClass} />
      </section>

      <section aria-labelledby="join-title" className="space-y-3">
        <h2 id="join-title" className="text-xl font-semibold">
          Join now
        </h2>
        <p>As the organizer, you can enter the room before the start, to prepare it or to let people in.</p>
        <a href={`/a/${adminId}/join`} className={secondaryButton}>
          Join now
        </a>
      </section>

      <section aria-labelledby="edit-title" className="space-y-4">
        <h2 id="edit-title" className="text-xl font-semibold">
          Change the conference
        </h2>
        <ScheduleForm
          key={conference.revision}
          mode="edit"
          action={editConference}
          defaults={editDefaults(conference, name ?? "")}
          timeZones={timeZoneNames()}
          hidden={{ adminId, revision: String(conference.revision) }}
        />
      </section>

      <section aria-labelledby="delete-title" className="space-y-3">
        <h2 id="delete-title" className="text-xl font-semibold">
          Delete the conference
        </h2>
        <p>The invitation link stops working at once.</p>
        <a href={`/a/${adminId}/delete${deleteQuery}`} className={secondaryButton}>
          Delete…
        </a>
      </section>
    </div>
  );
}
