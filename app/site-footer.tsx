import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      <div className="mx-auto w-full max-w-2xl px-4 py-4">{t("footer")}</div>
    </footer>
  );
}
