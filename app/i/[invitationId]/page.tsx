import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { lookUpInvitation } from "@/lib/conferences";
import { describeInterval, formatStartWithZone } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { roomUrl } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { calendarLinks } from "@/lib/calendar";
import { baseUrl } from "../../_shared/base-url";
import { visitorLookUp } from "../../_shared/visitor";
import { CalendarLinks } from "../../_components/calendar-links";
import { Countdown } from "./countdown";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

/** Without JavaScript the page reloads itself at most this often (the original's 30 s). */
const MAX_REFRESH_SECONDS = 30;

export default async function InvitationPage({ params, searchParams }: PageProps<"/i/[invitationId]">) {
  const { invitationId } = await params;
  const name = nameFromLink((await searchParams).n);
  const found = await visitorLookUp(() => lookUpInvitation(invitationId, new Date()));
  if (!found) notFound();
  const { conference, state } = found;
  const config = getConfig();

  if (state.status === "open") {
    if (!config.PRIVACY_NOTICE_URL) redirect(roomUrl(config.JITSI_URL, conference.roomId));
    return (
      <div className="space-y-6">
        <h1 className="break-words text-3xl font-bold tracking-tight">{name ?? "Your conference"} has started</h1>
        <p>
          Before you join, please read the{" "}
          <a href={config.PRIVACY_NOTICE_URL} target="_blank" rel="noopener noreferrer" className="font-medium underline">
            privacy notice
          </a>{" "}
          of the video conference service.
        </p>
        <a
          href={`/i/${invitationId}/join`}
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40"
        >
          Continue to the conference
        </a>
      </div>
    );
  }

  const refresh = Math.max(1, Math.min(MAX_REFRESH_SECONDS, state.secondsToOpen));
  return (
    <div className="space-y-6">
      {/* Without JavaScript: reload until the room opens; the server then forwards. */}
      <noscript>
        <meta httpEquiv="refresh" content={String(refresh)} />
      </noscript>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-sky-300">Please wait</p>
      <h1 className="break-words text-3xl font-bold tracking-tight">{name ?? "Your conference"}</h1>
      <p className="text-lg">
        The conference room opens at the start time. This page takes you there by itself: keep it open.
      </p>
      <dl className="space-y-1">
        <dt className="font-medium">Starts</dt>
        <dd data-testid="organizer-time">{formatStartWithZone(conference.startsAt, conference.timeZone)}</dd>
        {conference.repeat && (
          <>
            <dt className="font-medium">Repeats</dt>
            <dd>{describeInterval(conference.repeat)}</dd>
          </>
        )}
      </dl>
      <Countdown msToOpen={state.msToOpen} startsAt={conference.startsAt.toISOString()} organizerZone={conference.timeZone} />
      <CalendarLinks links={calendarLinks(await baseUrl(), conference, name)} />
      <noscript>
        <p className="text-sm text-slate-600 dark:text-slate-400">This page reloads every {refresh} seconds.</p>
      </noscript>
    </div>
  );
}
