"use server";
/**
 * The server actions behind Planado's forms. Thin: check what arrived, take from the client's write
 * allowance (shared with the API), read the form, call lib/conferences, answer with errors (kept next
 * to their fields, input kept) or redirect to the next page.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { book, edit, remove } from "@/lib/conferences/operations";
import { readBookingForm } from "@/lib/conferences/booking-form";
import type { Translate } from "@/lib/i18n/translate";
import { requestClient } from "@/lib/request";
import { reportFailure } from "@/lib/failures";
import { takeWrite } from "@/lib/security/writes";
import type { FormState } from "./_shared/form-state";
import { visitorLookUp } from "./_shared/visitor";
import { currentWording, localPath } from "./_i18n/server";

/** The admin page, with the visitor's explicit language choice carried on. */
function adminPath(adminId: string, name: string, notice?: "booked" | "updated" | "conflict"): Promise<string> {
  const query = new URLSearchParams({ n: name });
  if (notice) query.set(notice, "1");
  return localPath(`/a/${adminId}?${query}`);
}

/**
 * What the form says when its action failed (lib/failures.ts): the database away is "try again in a
 * minute", logged nowhere; anything else is our fault, logged once, and said as such. The form keeps
 * what was typed either way, which Next's error page would lose.
 */
function failed(action: string, error: unknown, t: Translate): string {
  return reportFailure(action, error).status === "unavailable" ? t("actions.unavailable") : t("actions.failed");
}

/**
 * What an action was called with, if it has the shape the forms send. Anyone can call an action
 * with arguments of their own ([null, "x"]): that is bad input, answered like any other.
 */
function received(previous: unknown, formData: unknown): { attempt: number; form: FormData } | undefined {
  if (!(formData instanceof FormData)) return undefined;
  const attempt = (previous as Partial<FormState> | null)?.attempt;
  return { attempt: (typeof attempt === "number" && Number.isSafeInteger(attempt) ? attempt : 0) + 1, form: formData };
}

/** Why this client may not write now, in words; undefined when it may. */
async function overWriteLimit(t: Translate): Promise<string | undefined> {
  const verdict = takeWrite(requestClient(await headers()));
  return verdict.allowed ? undefined : t("actions.tooMany", { minutes: Math.ceil(verdict.retryAfterSeconds / 60) });
}

export async function bookConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const call = received(previous, formData);
  if (!call) return { errors: {}, message: t("actions.fix"), attempt: 1 };
  const { attempt, form } = call;
  const values = readBookingForm(form);
  const intent = form.get("intent") === "now" ? "now" : "book";
  const limited = await overWriteLimit(t);
  if (limited) return { errors: {}, message: limited, values, attempt };
  let outcome;
  try {
    outcome = await book({ from: "form", values, intent }, new Date(), t);
  } catch (error) {
    return { errors: {}, message: failed("booking action", error, t), values, attempt };
  }
  if (outcome.status === "invalid") return { errors: outcome.errors, message: t("actions.fix"), values, attempt };
  redirect(await adminPath(outcome.conference.adminId, outcome.booking.name, "booked"));
}

export async function editConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const call = received(previous, formData);
  if (!call) return { errors: {}, message: t("actions.fix"), attempt: 1 };
  const { attempt, form } = call;
  const values = readBookingForm(form);
  const adminId = String(form.get("adminId") ?? "");
  const revision = Number(form.get("revision"));
  if (!Number.isInteger(revision)) return { errors: {}, message: t("actions.gone"), attempt };
  const limited = await overWriteLimit(t);
  if (limited) return { errors: {}, message: limited, values, attempt };
  let outcome;
  try {
    // An admin id that does not exist counts as a miss, like any other look-up of one.
    outcome = await visitorLookUp(async () => {
      const result = await edit(adminId, revision, { from: "form", values }, new Date(), t);
      return result.status === "not-found" ? undefined : result;
    });
  } catch (error) {
    return { errors: {}, message: failed("edit action", error, t), values, attempt };
  }
  if (!outcome) return { errors: {}, message: t("actions.gone"), attempt };
  if (outcome.status === "saved") redirect(await adminPath(adminId, outcome.booking.name, "updated"));
  if (outcome.status === "invalid") return { errors: outcome.errors, message: t("actions.fix"), values, attempt };
  // Someone changed it meanwhile: show the page afresh, with the current schedule and a notice.
  redirect(await adminPath(adminId, values.name, "conflict"));
}

export async function deleteConference(previous: FormState, formData: FormData): Promise<FormState> {
  const { t } = await currentWording();
  const call = received(previous, formData);
  if (!call) return { errors: {}, message: t("actions.fix"), attempt: 1 };
  const { attempt, form } = call;
  const adminId = String(form.get("adminId") ?? "");
  const limited = await overWriteLimit(t);
  if (limited) return { errors: {}, message: limited, attempt };
  let deleted = false;
  try {
    deleted = Boolean(await visitorLookUp(async () => (await remove(adminId)) || undefined));
  } catch (error) {
    return { errors: {}, message: failed("delete action", error, t), attempt };
  }
  if (!deleted) return { errors: {}, message: t("actions.gone"), attempt };
  redirect(await localPath("/?deleted=1"));
}
