"use client";
/**
 * The booking form and the edit form: name, date and time, zone, duration, repetition. Works without
 * JavaScript (a plain form post to the server action); with it, the zone defaults to the browser's,
 * the custom repetition fields show only when needed, and errors arrive without a page load.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import { useTranslations } from "next-intl";
import type { BookingFormValues, RepeatPreset } from "@/lib/conferences/booking-form";
import { LIMITS, NAME_MAX_LENGTH } from "@/lib/conferences/limits";
import { initialFormState } from "@/app/_shared/form-state";
import type { FormState } from "@/app/_shared/form-state";
import { primarySubmitButton, secondarySubmitButton } from "@/ui/button";
import { Notice } from "@/ui/notice";
import { errorId, Field, FieldError, WholeNumberInput } from "./field";
import { useHydrated } from "./use-hydrated";

// The browser counts a name's length in UTF-16 units, the server in characters as a person counts
// them (an emoji is two units, one character): room for a name of two-unit characters; the server
// says when a name is too long.
const NAME_INPUT_MAX_LENGTH = NAME_MAX_LENGTH * 2;

export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480];

// Typed by the presets, so a preset missing here (or one too many) does not compile. Only types (and
// the plain numbers of lib/conferences/limits.ts) come from lib/conferences: its messages for every
// language must not travel to the browser.
const PRESET_ORDER: Record<RepeatPreset, true> = {
  none: true,
  daily: true,
  weekly: true,
  biweekly: true,
  fourweekly: true,
  monthly: true,
  yearly: true,
  custom: true,
};
const REPEAT_PRESETS = Object.keys(PRESET_ORDER) as RepeatPreset[];

type FormT = ReturnType<typeof useTranslations<"form">>;

function durationLabel(minutes: number, t: FormT) {
  if (minutes < 60) return t("durationMinutes", { minutes });
  const hours = minutes / 60;
  return Number.isInteger(hours) ? t("durationHours", { hours }) : t("durationHoursMinutes", { hours: Math.floor(hours), minutes: minutes % 60 });
}

function zoneGroups(zones: string[]) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    // IANA's region names ("Europe", "America") are identifiers, the same in every language.
    const region = zone.includes("/") ? zone.split("/")[0]! : "UTC";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

/** The title of a group of fields. */
const legendClass = "mb-2 text-lg font-semibold";

const pad = (n: number) => String(n).padStart(2, "0");

interface Props {
  mode: "book" | "edit";
  action: (state: FormState, data: FormData) => Promise<FormState>;
  defaults: BookingFormValues;
  timeZones: string[];
  /** Hidden fields (the admin id and revision of an edited conference). */
  hidden?: Record<string, string>;
  /** When the operator's Jitsi enforces bookings: it ends a conference this many minutes after its end. */
  endsAfterMinutes?: number;
}

export function ScheduleForm({ mode, action, defaults, timeZones, hidden, endsAfterMinutes }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? defaults;
  const errors = state.errors;
  const messageId = `${mode === "book" ? "book" : "edit"}-message`;
  // Re-mount the fields after each answer so they take the submitted values as defaults
  // (React resets a form after its action runs). The form and its live region stay: screen readers
  // announce a change in a region they know, not a new region that arrives with its text.
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6" aria-describedby={state.message ? messageId : undefined}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div id={messageId} aria-live="polite" role="status">
        {state.message && <Notice tone="warning">{state.message}</Notice>}
      </div>
      <ScheduleFields
        key={state.attempt}
        formRef={formRef}
        mode={mode}
        values={values}
        errors={errors}
        pending={pending}
        timeZones={timeZones}
        fresh={state.attempt === 0 && mode === "book"}
        answered={Boolean(state.message)}
        endsAfterMinutes={endsAfterMinutes}
      />
    </form>
  );
}

interface FieldsProps {
  /** The form the fields are in (it outlives them). */
  formRef: RefObject<HTMLFormElement | null>;
  mode: "book" | "edit";
  values: BookingFormValues;
  errors: Record<string, string[]>;
  pending: boolean;
  timeZones: string[];
  /** A new, untouched booking form: adopt the browser's zone and a start time in it. */
  fresh: boolean;
  /** The last answer put a message in the form's live region. */
  answered: boolean;
  endsAfterMinutes?: number;
}

function ScheduleFields({ formRef, mode, values, errors, pending, timeZones, fresh, answered, endsAfterMinutes }: FieldsProps) {
  const t = useTranslations("form");
  const [repeat, setRepeat] = useState(values.repeat || "none");
  const hydrated = useHydrated();
  const prefix = mode === "book" ? "book" : "edit";
  const id = (field: string) => `${prefix}-${field}`;
  const fieldErrors: Record<string, string[]> = Object.fromEntries(Object.entries(errors).map(([k, v]) => [id(k), v]));

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    if (fresh) {
      // Without JavaScript the server's default zone stands; with it, use the visitor's own zone and
      // the next full hour in it.
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const select = form.elements.namedItem("timeZone") as HTMLSelectElement | null;
      const date = form.elements.namedItem("date") as HTMLInputElement;
      const time = form.elements.namedItem("time") as HTMLInputElement;
      const untouched = (field: HTMLInputElement) => field.value === field.defaultValue;
      const selected = select?.selectedOptions[0];
      // Only while the visitor has not typed or chosen anything yet (hydration can come late).
      if (zone && select && selected?.defaultSelected && select.value !== zone && untouched(date) && untouched(time)) {
        if (![...select.options].some((o) => o.value === zone)) select.add(new Option(zone.replaceAll("_", " "), zone));
        select.value = zone;
        const next = new Date();
        next.setMinutes(0, 0, 0);
        next.setHours(next.getHours() + 1);
        date.value = `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
        time.value = `${pad(next.getHours())}:00`;
      }
    }
    // After a failed submission, take the keyboard to the first field that needs attention.
    // Without one (the database is away, the conference is gone), back to the submit button, so the
    // keyboard is not dropped at the top of the page when the button it was on is rebuilt; the live
    // region announces the message.
    const firstInvalid = form.querySelector<HTMLElement>("[aria-invalid=true]");
    if (firstInvalid) firstInvalid.focus();
    else if (answered) form.querySelector<HTMLElement>("button[type=submit]")?.focus();
  }, [fresh, formRef, answered]);

  const whenErrors = fieldErrors[id("when")]?.length ? [errorId(id("when"))] : [];
  const showCustom = !hydrated || repeat === "custom";
  const showCount = !hydrated || repeat !== "none";
  const durations =
    DURATIONS.includes(Number(values.durationMinutes)) || !values.durationMinutes
      ? DURATIONS
      : [...DURATIONS, Number(values.durationMinutes)].sort((a, b) => a - b);
  const zones = timeZones.includes(values.timeZone) || !values.timeZone ? timeZones : [values.timeZone, ...timeZones];

  return (
    <>
      <Field id={id("name")} label={t("name")} errors={fieldErrors[id("name")]} hint={t("nameHint")}>
        {(control) => <input {...control} name="name" type="text" defaultValue={values.name} maxLength={NAME_INPUT_MAX_LENGTH} autoComplete="off" />}
      </Field>

      <fieldset className="space-y-4" aria-describedby={whenErrors.length ? errorId(id("when")) : undefined}>
        <legend className={legendClass}>{t("when")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id("date")} label={t("date")} errors={fieldErrors[id("date")]} sharedErrorIds={whenErrors}>
            {(control) => <input {...control} name="date" type="date" defaultValue={values.date} />}
          </Field>
          <Field id={id("time")} label={t("time")} errors={fieldErrors[id("time")]} sharedErrorIds={whenErrors}>
            {(control) => <input {...control} name="time" type="time" step={60} defaultValue={values.time} />}
          </Field>
        </div>
        <FieldError field={id("when")} errors={fieldErrors[id("when")]} />
        <Field id={id("timeZone")} label={t("timeZone")} errors={fieldErrors[id("timeZone")]}>
          {(control) => (
            <select {...control} name="timeZone" defaultValue={values.timeZone}>
              {zoneGroups(zones).map(([region, list]) => (
                <optgroup key={region} label={region}>
                  {list.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id("durationMinutes")}
          label={t("duration")}
          errors={fieldErrors[id("durationMinutes")]}
          hint={endsAfterMinutes === undefined ? t("durationHint") : t("durationHintEnforced", { minutes: endsAfterMinutes })}
        >
          {(control) => (
            <select {...control} name="durationMinutes" defaultValue={values.durationMinutes || String(LIMITS.durationMinutes.default)}>
              {durations.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {durationLabel(minutes, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className={legendClass}>{t("repetition")}</legend>
        <Field id={id("repeat")} label={t("repeat")} errors={fieldErrors[id("repeat")]}>
          {(control) => (
            <select {...control} name="repeat" defaultValue={repeat} onChange={(event) => setRepeat(event.target.value)}>
              {REPEAT_PRESETS.map((value) => (
                <option key={value} value={value}>
                  {t(`repeatOptions.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {showCustom && (
          <div className="grid gap-4 sm:grid-cols-2" role="group" aria-labelledby={id("custom-label")}>
            <p id={id("custom-label")} className="text-sm text-slate-600 sm:col-span-2 dark:text-slate-400">
              {hydrated ? t("custom") : t("customWithoutScript")}
            </p>
            <Field id={id("repeatEvery")} label={t("every")} errors={fieldErrors[id("repeatEvery")]}>
              {(control) => <WholeNumberInput control={control} name="repeatEvery" range={LIMITS.every} defaultValue={values.repeatEvery || "1"} />}
            </Field>
            <Field id={id("repeatUnit")} label={t("unit")} errors={fieldErrors[id("repeatUnit")]}>
              {(control) => (
                <select {...control} name="repeatUnit" defaultValue={values.repeatUnit || "week"}>
                  {(["day", "week", "month", "year"] as const).map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`units.${unit}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        {showCount && (
          <Field
            id={id("occurrences")}
            label={t("occurrences")}
            errors={fieldErrors[id("occurrences")]}
            hint={mode === "book" ? t("occurrencesHintBook") : t("occurrencesHintEdit")}
          >
            {(control) => <WholeNumberInput control={control} name="occurrences" range={LIMITS.count} defaultValue={values.occurrences || "4"} />}
          </Field>
        )}
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="intent" value={mode === "book" ? "book" : "save"} disabled={pending} className={primarySubmitButton}>
          {mode === "book" ? t("book") : t("save")}
        </button>
        {mode === "book" && (
          <button type="submit" name="intent" value="now" disabled={pending} className={secondarySubmitButton}>
            {t("now")}
          </button>
        )}
      </div>
    </>
  );
}
