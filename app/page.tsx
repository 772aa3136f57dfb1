import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { getConfig } from "@/lib/env";
import { roomAccess } from "@/lib/jitsi/access";
import { timeZoneNames } from "@/lib/time/time-zones";
import { bookConference } from "./actions";
import { newBookingDefaults } from "./_shared/defaults";
import { ScheduleForm } from "./_components/schedule-form";
import { ClientMessages } from "./_i18n/client-messages";
import { Notice } from "@/ui/notice";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  await connection(); // the default start depends on the current time
  const { deleted } = await searchParams;
  const t = await getTranslations("home");
  const defaults = newBookingDefaults(new Date(), getConfig().DEFAULT_TIME_ZONE);
  return (
    <div className="space-y-8">
      {deleted === "1" && (
        <Notice tone="success" role="status">
          {t("deleted")}
        </Notice>
      )}
      <section aria-labelledby="intro-title" className="space-y-3">
        <h1 id="intro-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {t("title")}
        </h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">{t("intro")}</p>
      </section>
      <section aria-labelledby="book-title" className="rounded-2xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700">
        <h2 id="book-title" className="mb-4 text-xl font-semibold">
          {t("newConference")}
        </h2>
        <ClientMessages paths={["form"]}>
          <ScheduleForm
            mode="book"
            action={bookConference}
            defaults={defaults}
            timeZones={timeZoneNames()}
            endsAfterMinutes={roomAccess().window?.graceMinutes}
          />
        </ClientMessages>
      </section>
    </div>
  );
}
