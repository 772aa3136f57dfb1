"use server";
/**
 * The server actions behind Planado's forms. Thin: read the form, call lib/conferences, answer with
 * errors (kept next to their fields, input kept) or redirect to the next page.
 */
import { redirect } from "next/navigation";
import { bookFromForm, editFromForm, remove } from "@/lib/conferences";
import { readBookingForm } from "@/lib/conferences/booking-form";
import type { FormState } from "./_shared/form-state";
import { visitorLookUp } from "./_shared/visitor";
import { currentWording, localPath } from "./_i18n/server";

/** The admin page, with the visitor's explicit language choice carried on. */
function adminPath(adminId: string, name: string, notice?: "booked" | "updated" | "conflict"): Promise<string> {
  const query = new URLSearchParams({ n: name });
  if (notice) query.set(notice, "1");
  return localPath(`/a/${adminId}?${query}`);
}

/** Logs that a database call failed, without anything about the conference or the visitor. */
function logFailure(what: string, error: unknown) {
  const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "";
  console.error(`[planado] ${what} failed: ${error instanceof Error ? error.name : "error"} ${code}`.trim());
}

export async function bookConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const values = readBookingForm(formData);
  const intent = formData.get("intent") === "now" ? "now" : "book";
  const attempt = previous.attempt + 1;
  let outcome;
  try {
    outcome = await bookFromForm(values, intent, new Date(), t);
  } catch (error) {
    logFailure("booking", error);
    return { errors: {}, message: t("actions.unavailable"), values, attempt };
  }
  if (!outcome.ok) return { errors: outcome.errors, message: t("actions.fix"), values, attempt };
  redirect(await adminPath(outcome.conference.adminId, outcome.booking.name, "booked"));
}

export async function editConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const values = readBookingForm(formData);
  const adminId = String(formData.get("adminId") ?? "");
  const revision = Number(formData.get("revision"));
  const attempt = previous.attempt + 1;
  if (!Number.isInteger(revision)) return { errors: {}, message: t("actions.gone"), attempt };
  let outcome;
  try {
    // An admin id that does not exist counts as a miss, like any other look-up of one.
    outcome = await visitorLookUp(async () => {
      const result = await editFromForm(adminId, revision, values, new Date(), t);
      return "status" in result && result.status === "not-found" ? undefined : result;
    });
  } catch (error) {
    logFailure("edit", error);
    return { errors: {}, message: t("actions.unavailable"), values, attempt };
  }
  if (!outcome) return { errors: {}, message: t("actions.gone"), attempt };
  if (outcome.ok) redirect(await adminPath(adminId, outcome.booking.name, "updated"));
  if ("errors" in outcome) return { errors: outcome.errors, message: t("actions.fix"), values, attempt };
  // Someone changed it meanwhile: show the page afresh, with the current schedule and a notice.
  redirect(await adminPath(adminId, values.name, "conflict"));
}

export async function deleteConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const adminId = String(formData.get("adminId") ?? "");
  const attempt = previous.attempt + 1;
  let deleted = false;
  try {
    deleted = Boolean(await visitorLookUp(async () => (await remove(adminId)) || undefined));
  } catch (error) {
    logFailure("delete", error);
    return { errors: {}, message: t("actions.unavailable"), attempt };
  }
  if (!deleted) return { errors: {}, message: t("actions.gone"), attempt };
  redirect(await localPath("/?deleted=1"));
}
