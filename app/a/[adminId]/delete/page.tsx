import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { findForAdmin } from "@/lib/conferences/operations";
import { formatStartWithZone } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { pageLookUp } from "@/app/_shared/visitor";
import { currentWording, localPath } from "@/app/_i18n/server";
import { DeleteForm } from "./delete-form";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { plainButton } from "@/ui/button";
import { namedPageTitle } from "@/ui/typography";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("deleteTitle"), robots: { index: false, follow: false } };
}

/** The confirmation step: a page of its own, so it works without JavaScript. */
export default async function DeletePage({ params, searchParams }: PageProps<"/a/[adminId]/delete">) {
  const { adminId } = await params;
  const name = nameFromLink((await searchParams).n);
  const conference = await pageLookUp(() => findForAdmin(adminId));
  if (!conference) notFound();
  const t = await getTranslations("delete");
  const wording = await currentWording();
  const back = await localPath(`/a/${adminId}${name ? `?${new URLSearchParams({ n: name })}` : ""}`);
  return (
    <div className="space-y-6">
      <h1 className={namedPageTitle}>{name ? t("titleNamed", { name }) : t("titleUnnamed")}</h1>
      <p>{t("text", { when: formatStartWithZone(conference.startsAt, conference.timeZone, wording), repeats: conference.repeat ? "yes" : "no" })}</p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <ClientMessages paths={["admin.deleteYes"]}>
          <DeleteForm adminId={adminId} />
        </ClientMessages>
        <a href={back} className={plainButton}>
          {t("keep")}
        </a>
      </div>
    </div>
  );
}
