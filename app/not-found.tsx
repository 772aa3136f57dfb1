import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localPath } from "./_i18n/server";
import { pageTitle, textLink } from "@/ui/typography";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("notFoundTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const home = await localPath("/");
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("text")}</p>
      <a href={home} className={textLink}>
        {t("link")}
      </a>
    </div>
  );
}
