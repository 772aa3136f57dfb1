"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteConference } from "../../../actions";
import { initialFormState } from "../../../_shared/form-state";

export function DeleteForm({ adminId }: { adminId: string }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState(deleteConference, initialFormState);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="adminId" value={adminId} />
      <div role="status" aria-live="polite">
        {state.message && <p className="font-medium text-red-700 dark:text-red-400">{state.message}</p>}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 rounded-lg bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 focus-ring disabled:opacity-60"
      >
        {t("deleteYes")}
      </button>
    </form>
  );
}
