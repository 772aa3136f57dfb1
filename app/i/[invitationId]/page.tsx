import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { lookUpInvitation } from "@/lib/conferences";
import { describeInterval, formatStartWithZone } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { roomUrl } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { calendarLinks } from "@/lib/calendar";
import type { CompiledTree } from "@/lib/i18n/compiled";
import { pickMessages } from "@/lib/i18n/pick";
import type { Tree } from "@/lib/i18n/pick";
import { baseUrl } from "../../_shared/base-url";
import { currentWording, localPath } from "../../_i18n/server";
import { visitorLookUp } from "../../_shared/visitor";
import { CalendarLinks } from "../../_components/calendar-links";
import { Countdown } from "./countdown";

export const dynamic = "force-dynamic";
/**
 * The invitation, looked up once per request on the visitor's behalf: the metadata and the page share
 * the answer (one query, a miss counted once).
 */
const findInvitation = cache((invitationId: string) => visitorLookUp(() => lookUpInvitation(invitationId, new Date())));

/** The title and link preview (Open Graph): the conference's name and when it starts, never the room. */
export async function generateMetadata({ params, searchParams }: PageProps<"/i/[invitationId]">): Promise<Metadata> {
  const t = await getTranslations("meta");
  const name = nameFromLink((await searchParams).n);
  const title = name ?? t("invitationTitle");
  const robots = { index: false, follow: false };
  let found;
  try {
    found = await findInvitation((await params).invitationId);
  } catch {
    found = undefined; // the page itself reports a database failure
  }
  if (!found) return { title, robots };
  const description = t("startsAt", { when: formatStartWithZone(found.conference.startsAt, found.conference.timeZone, await currentWording()) });
  return { title, description, robots, openGraph: { title, description, type: "website", siteName: "Planado" } };
}

/** Without JavaScript the page reloads itself at most this often (the original's 30 s). */
const MAX_REFRESH_SECONDS = 30;

export default async function InvitationPage({ params, searchParams }: PageProps<"/i/[invitationId]">) {
  const { invitationId } = await params;
  const name = nameFromLink((await searchParams).n);
  const found = await findInvitation(invitationId);
  if (!found) notFound();
  const { conference, state } = found;
  const config = getConfig();
  const t = await getTranslations("invitation");
  const wording = await currentWording();

  if (state.status === "open") {
    if (!config.PRIVACY_NOTICE_URL) redirect(roomUrl(config.JITSI_URL, conference.roomId));
    const continuePath = await localPath(`/i/${invitationId}/join${name ? `?${new URLSearchParams({ n: name })}` : ""}`);
    return (
      <div className="space-y-6">
        <h1 className="break-words text-3xl font-bold tracking-tight">{t("started", { name: name ?? t("untitled") })}</h1>
        <p>
          {t("privacyBefore")}{" "}
          <a href={config.PRIVACY_NOTICE_URL} target="_blank" rel="noopener noreferrer" className="font-medium underline">
            {t("privacyLink")}
            <span className="sr-only"> {t("newWindow")}</span>
          </a>{" "}
          {t("privacyAfter")}
        </p>
        <a
          href={continuePath}
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus-ring"
        >
          {t("continue")}
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
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-sky-300">{t("pleaseWait")}</p>
      <h1 className="break-words text-3xl font-bold tracking-tight">{name ?? t("untitled")}</h1>
      <p className="text-lg">{t("opens")}</p>
      <dl className="space-y-1">
        <dt className="font-medium">{t("starts")}</dt>
        <dd data-testid="organizer-time">{formatStartWithZone(conference.startsAt, conference.timeZone, wording)}</dd>
        {conference.repeat && (
          <>
            <dt className="font-medium">{t("repeats")}</dt>
            <dd>{describeInterval(conference.repeat, wording)}</dd>
          </>
        )}
      </dl>
      <Countdown
        msToOpen={state.msToOpen}
        startsAt={conference.startsAt.toISOString()}
        organizerZone={conference.timeZone}
        locale={wording.locale}
        messages={pickMessages((await getMessages()) as Tree, ["countdown", "invitation.yourTime", "invitation.startsIn"]) as CompiledTree}
      />
      <CalendarLinks links={calendarLinks(await baseUrl(), conference, name)} />
      <noscript>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("reloads", { seconds: refresh })}</p>
      </noscript>
    </div>
  );
}
