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

const MESSAGES = {
  fix: "Some details need your attention: see the marked fields.",
  unavailable: "Planado cannot reach its database right now, so nothing was saved. Please try again in a minute.",
  gone: "This conference no longer exists: it was deleted or has ended.",
} as const;

function adminPath(adminId: string, name: string, notice?: "booked" | "updated" | "conflict"): string {
  const query = new URLSearchParams({ n: name });
  if (notice) query.set(notice, "1");
  return `/a/${adminId}?${query}`;
}

/** Logs that a database call failed, without anything about the conference or the visitor. */
function logFailure(what: string, error: unknown) {
  const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "";
  console.error(`[planado] ${what} failed: ${error instanceof Error ? error.name : "error"} ${code}`.trim());
}

export async function bookConference(previous: FormState, formData: FormData): Promise<FormState> {
  const values = readBookingForm(formData);
  const intent = formData.get("intent") === "now" ? "now" : "book";
  const attempt = previous.attempt + 1;
  let outcome;
  try {
    outcome = await bookFromForm(values, intent, new Date());
  } catch (error) {
    logFailure("booking", error);
    return { errors: {}, message: MESSAGES.unavailable, values, attempt };
  }
  if (!outcome.ok) return { errors: outcome.errors, message: MESSAGES.fix, values, attempt };
  redirect(adminPath(outcome.conference.adminId, outcome.booking.name, "booked"));
}

export async function editConference(previous: FormState, formData: FormData): Promise<FormState> {
  const values = readBookingForm(formData);
  const adminId = String(formData.get("adminId") ?? "");
  const revision = Number(formData.get("revision"));
  const attempt = previous.attempt + 1;
  if (!Number.isInteger(revision)) return { errors: {}, message: MESSAGES.gone, attempt };
  let outcome;
  try {
    // An admin id that does not exist counts as a miss, like any other look-up of one.
    outcome = await visitorLookUp(async () => {
      const result = await editFromForm(adminId, revision, values, new Date());
      return "status" in result && result.status === "not-found" ? undefined : result;
    });
  } catch (error) {
    logFailure("edit", error);
    return { errors: {}, message: MESSAGES.unavailable, values, attempt };
  }
  if (!outcome) return { errors: {}, message: MESSAGES.gone, attempt };
  if (outcome.ok) redirect(adminPath(adminId, outcome.booking.name, "updated"));
  if ("errors" in outcome) return { errors: outcome.errors, message: MESSAGES.fix, values, attempt };
  // Someone changed it meanwhile: show the page afresh, with the current schedule and a notice.
  redirect(adminPath(adminId, values.name, "conflict"));
}

export async function deleteConference(previous: FormState, formData: FormData): Promise<FormState> {
  const adminId = String(formData.get("adminId") ?? "");
  const attempt = previous.attempt + 1;
  let deleted = false;
  try {
    deleted = Boolean(await visitorLookUp(async () => (await remove(adminId)) || undefined));
  } catch (error) {
    logFailure("delete", error);
    return { errors: {}, message: MESSAGES.unavailable, attempt };
  }
  if (!deleted) return { errors: {}, message: MESSAGES.gone, attempt };
  redirect("/?deleted=1");
}
