import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { findForAdmin } from "@/lib/conferences/operations";
import { describeRepeat, formatStartWithZone, invitationText, mailtoLink } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { calendarLinks } from "@/lib/calendar/links";
import { adminUrl, invitationUrl } from "@/lib/conferences/links";
import { roomAccess } from "@/lib/jitsi/access";
import { timeZoneNames } from "@/lib/time/time-zones";
import { editConference } from "@/app/actions";
import { baseUrl } from "@/app/_shared/base-url";
import { currentWording, localPath } from "@/app/_i18n/server";
import { pageLookUp } from "@/app/_shared/visitor";
import { editDefaults } from "@/app/_shared/defaults";
import { secondaryButton } from "@/ui/button";
import { Notice } from "@/ui/notice";
import { namedPageTitle, note, sectionTitle } from "@/ui/typography";
import { CalendarLinks } from "@/ui/calendar-links";
import { CopyButton } from "@/app/_components/copy-button";
import { inputClass, labelClass } from "@/app/_components/field";
import { QrCode } from "@/app/_components/qr-code";
import { ScheduleForm } from "@/app/_components/schedule-form";
import { ClientMessages } from "@/app/_i18n/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: PageProps<"/a/[adminId]">): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: nameFromLink((await searchParams).n) ?? t("adminTitle"), robots: { index: false, follow: false } };
}

export default async function AdminPage({ params, searchParams }: PageProps<"/a/[adminId]">) {
  const { adminId } = await params;
  const query = await searchParams;
  const conference = await pageLookUp(() => findForAdmin(adminId));
  if (!conference) notFound();

  const t = await getTranslations("admin");
  const wording = await currentWording();
  const name = nameFromLink(query.n);
  const title = name ?? t("untitled");
  const base = await baseUrl();
  const links = {
    invitation: invitationUrl(base, conference.invitationId, name),
    bareInvitation: invitationUrl(base, conference.invitationId),
    admin: adminUrl(base, adminId, name),
  };
  const calendar = calendarLinks(base, conference, name, wording.t);
  const when = formatStartWithZone(conference.startsAt, conference.timeZone, wording);
  const repeat = describeRepeat(conference.repeat, conference.remainingOccurrences, wording);
  const text = invitationText(
    { name: title, when, repeat: conference.repeat && repeat, invitationUrl: links.invitation, calendarUrl: calendar.file, subscriptionUrl: calendar.webcal },
    wording,
  );
  const nameQuery = name ? `?${new URLSearchParams({ n: name })}` : "";
  // The name travels to "Join now" so that a Jitsi showing it (JITSI_SHOW_NAME) shows it to the organizer too.
  const joinPath = await localPath(`/a/${adminId}/join${nameQuery}`);
  const deletePath = await localPath(`/a/${adminId}/delete${nameQuery}`);

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        {query.booked === "1" && (
          <Notice tone="success" role="status">
            {t("booked")}
          </Notice>
        )}
        {query.conflict === "1" && (
          <Notice tone="warning" role="status">
            {t("conflict")}
          </Notice>
        )}
        {query.over === "1" && (
          <Notice tone="warning" role="status">
            {t("over")}
          </Notice>
        )}
        {query.updated === "1" && (
          <Notice tone="success" role="status">
            {t("updated")}
          </Notice>
        )}
        <h1 className={namedPageTitle}>
          <bdi>{title}</bdi>
        </h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("starts")}</dt>
          <dd data-testid="starts">
            <bdi>{when}</bdi>
          </dd>
          <dt className="font-medium">{t("duration")}</dt>
          <dd>{t("durationValue", { minutes: conference.durationMinutes })}</dd>
          <dt className="font-medium">{t("repeats")}</dt>
          <dd data-testid="repeats">{repeat}</dd>
        </dl>
      </header>

      <section aria-labelledby="invite-title" className="space-y-4">
        <h2 id="invite-title" className={sectionTitle}>
          {t("inviteTitle")}
        </h2>
        <div>
          <label htmlFor="invitation-link" className={labelClass}>
            {t("invitationLink")}
          </label>
          {/* Links read left to right in every language. */}
          <input id="invitation-link" readOnly dir="ltr" value={links.invitation} className={inputClass} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ClientMessages paths={["admin.copied", "admin.copyFailed"]}>
            <CopyButton text={text} label={t("copy")} />
          </ClientMessages>
          <a href={mailtoLink(title, text, wording)} className={secondaryButton}>
            {t("email")}
          </a>
        </div>
        <CalendarLinks links={calendar} t={wording.t} />
        <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <summary className="cursor-pointer rounded py-2 font-medium focus-ring">{t("invitationText")}</summary>
          <label htmlFor="invitation-text" className="sr-only">
            {t("invitationText")}
          </label>
          <textarea id="invitation-text" readOnly rows={9} value={text} className={`${inputClass} mt-2 font-mono text-sm`} />
        </details>
        <QrCode url={links.invitation} fallbackUrl={links.bareInvitation} label={t("qr")} />
        <p className={note}>{t("neverLearns")}</p>
      </section>

      <section aria-labelledby="admin-title" className="space-y-3">
        <h2 id="admin-title" className={sectionTitle}>
          {t("adminTitle")}
        </h2>
        <Notice tone="warning">{t("adminWarning")}</Notice>
        <label htmlFor="admin-link" className="sr-only">
          {t("adminLink")}
        </label>
        <input id="admin-link" readOnly dir="ltr" value={links.admin} className={inputClass} />
      </section>

      <section aria-labelledby="join-title" className="space-y-3">
        <h2 id="join-title" className={sectionTitle}>
          {t("joinTitle")}
        </h2>
        <p>{t("joinText")}</p>
        {/* A form, not a link: joining early opens the room's window, which a link previewer or a prefetch must never do. */}
        <form method="post" action={joinPath}>
          <button type="submit" className={secondaryButton}>
            {t("join")}
          </button>
        </form>
      </section>

      <section aria-labelledby="edit-title" className="space-y-4">
        <h2 id="edit-title" className={sectionTitle}>
          {t("editTitle")}
        </h2>
        <ClientMessages paths={["form"]}>
          <ScheduleForm
            key={conference.revision}
            mode="edit"
            action={editConference}
            defaults={editDefaults(conference, name ?? "")}
            timeZones={timeZoneNames()}
            hidden={{ adminId, revision: String(conference.revision) }}
            endsAfterMinutes={roomAccess().window?.graceMinutes}
          />
        </ClientMessages>
      </section>

      <section aria-labelledby="delete-title" className="space-y-3">
        <h2 id="delete-title" className={sectionTitle}>
          {t("deleteTitle")}
        </h2>
        <p>{t("deleteText")}</p>
        <a href={deletePath} className={secondaryButton}>
          {t("delete")}
        </a>
      </section>
    </div>
  );
}
