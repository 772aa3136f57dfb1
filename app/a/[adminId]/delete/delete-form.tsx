"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteConference } from "@/app/actions";
import { initialFormState } from "@/app/_shared/form-state";
import { dangerSubmitButton } from "@/ui/button";

export function DeleteForm({ adminId }: { adminId: string }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState(deleteConference, initialFormState);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="adminId" value={adminId} />
      <div role="status" aria-live="polite">
        {state.message && <p className="font-medium text-red-700 dark:text-red-400">{state.message}</p>}
      </div>
      <button type="submit" disabled={pending} className={dangerSubmitButton}>
        {t("deleteYes")}
      </button>
    </form>
  );
}
