import { getTranslations } from "next-intl/server";
import { localPath } from "../../_i18n/server";

export default async function InvitationNotFound() {
  const t = await getTranslations("invitation");
  const home = await localPath("/");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <a href={home} className="font-medium underline">
        {t("notFoundLink")}
      </a>
    </div>
  );
}
