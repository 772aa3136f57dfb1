"use client";
/**
 * The booking form and the edit form: name, date and time, zone, duration, repetition. Works without
 * JavaScript (a plain form post to the server action); with it, the zone defaults to the browser's,
 * the custom repetition fields show only when needed, and errors arrive without a page load.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import type { BookingFormValues, RepeatPreset } from "@/lib/conferences/booking-form";
import { initialFormState } from "../_shared/form-state";
import type { FormState } from "../_shared/form-state";
import { errorId, Field, FieldError } from "./field";
import { useHydrated } from "./use-hydrated";

export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480];

// Typed by the presets, so a preset without a label (or a label without a preset) does not compile.
const REPEAT_LABELS: Record<RepeatPreset, string> = {
  none: "Does not repeat",
  daily: "Every day",
  weekly: "Every week",
  biweekly: "Every 2 weeks",
  fourweekly: "Every 4 weeks",
  monthly: "Every month",
  yearly: "Every year",
  custom: "Custom…",
};

function durationLabel(minutes: number) {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${hours} hour${hours === 1 ? "" : "s"}` : `${Math.floor(hours)} h ${minutes % 60} min`;
}

function zoneGroups(zones: string[]) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.split("/")[0]! : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

const pad = (n: number) => String(n).padStart(2, "0");

interface Props {
  mode: "book" | "edit";
  action: (state: FormState, data: FormData) => Promise<FormState>;
  defaults: BookingFormValues;
  timeZones: string[];
  /** Hidden fields (the admin id and revision of an edited conference). */
  hidden?: Record<string, string>;
}

export function ScheduleForm({ mode, action, defaults, timeZones, hidden }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = state.values ?? defaults;
  const errors = state.errors;
  // Re-mount the fields after each answer so they take the submitted values as defaults
  // (React resets a form after its action runs).
  return (
    <ScheduleFields
      key={state.attempt}
      mode={mode}
      formAction={formAction}
      values={values}
      errors={errors}
      message={state.message}
      pending={pending}
      timeZones={timeZones}
      hidden={hidden}
      fresh={state.attempt === 0 && mode === "book"}
    />
  );
}

interface FieldsProps {
  mode: "book" | "edit";
  formAction: (data: FormData) => void;
  values: BookingFormValues;
  errors: Record<string, string[]>;
  message?: string;
  pending: boolean;
  timeZones: string[];
  hidden?: Record<string, string>;
  /** A new, untouched booking form: adopt the browser's zone and a start time in it. */
  fresh: boolean;
}

function ScheduleFields({ mode, formAction, values, errors, message, pending, timeZones, hidden, fresh }: FieldsProps) {
  const [repeat, setRepeat] = useState(values.repeat || "none");
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
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
    const firstInvalid = form.querySelector<HTMLElement>("[aria-invalid=true]");
    firstInvalid?.focus();
  }, [fresh]);

  const whenErrors = fieldErrors[id("when")]?.length ? [errorId(id("when"))] : [];
  const showCustom = !hydrated || repeat === "custom";
  const showCount = !hydrated || repeat !== "none";
  const durations = DURATIONS.includes(Number(values.durationMinutes)) || !values.durationMinutes ? DURATIONS : [...DURATIONS, Number(values.durationMinutes)].sort((a, b) => a - b);
  const zones = timeZones.includes(values.timeZone) || !values.timeZone ? timeZones : [values.timeZone, ...timeZones];

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6" aria-describedby={message ? id("message") : undefined}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div id={id("message")} aria-live="polite" role="status">
        {message && (
          <p className="rounded-lg border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
            {message}
          </p>
        )}
      </div>

      <Field id={id("name")} label="Name of the conference" errors={fieldErrors[id("name")]} hint="Shown to participants. Planado does not store it: it travels in the links.">
        {(control) => <input {...control} name="name" type="text" defaultValue={values.name} maxLength={400} autoComplete="off" />}
      </Field>

      <fieldset className="space-y-4" aria-describedby={whenErrors.length ? errorId(id("when")) : undefined}>
        <legend className="mb-2 text-lg font-semibold">When</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id("date")} label="Date" errors={fieldErrors[id("date")]} sharedErrorIds={whenErrors}>
            {(control) => <input {...control} name="date" type="date" defaultValue={values.date} />}
          </Field>
          <Field id={id("time")} label="Start time" errors={fieldErrors[id("time")]} sharedErrorIds={whenErrors}>
            {(control) => <input {...control} name="time" type="time" step={60} defaultValue={values.time} />}
          </Field>
        </div>
        <FieldError field={id("when")} errors={fieldErrors[id("when")]} />
        <Field id={id("timeZone")} label="Time zone" errors={fieldErrors[id("timeZone")]}>
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
        <Field id={id("durationMinutes")} label="Duration" errors={fieldErrors[id("durationMinutes")]} hint="For calendars only: the room stays open as long as you need it.">
          {(control) => (
            <select {...control} name="durationMinutes" defaultValue={values.durationMinutes || "60"}>
              {durations.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {durationLabel(minutes)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Repetition</legend>
        <Field id={id("repeat")} label="Repeat" errors={fieldErrors[id("repeat")]}>
          {(control) => (
            <select {...control} name="repeat" defaultValue={repeat} onChange={(event) => setRepeat(event.target.value)}>
              {Object.entries(REPEAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {showCustom && (
          <div className="grid gap-4 sm:grid-cols-2" role="group" aria-labelledby={id("custom-label")}>
            <p id={id("custom-label")} className="text-sm text-slate-600 sm:col-span-2 dark:text-slate-400">
              {hydrated ? "Custom repetition" : "Custom repetition (used when Repeat is “Custom…”)"}
            </p>
            <Field id={id("repeatEvery")} label="Every" errors={fieldErrors[id("repeatEvery")]}>
              {(control) => <input {...control} name="repeatEvery" type="number" inputMode="numeric" min={1} max={99} defaultValue={values.repeatEvery || "1"} />}
            </Field>
            <Field id={id("repeatUnit")} label="Unit" errors={fieldErrors[id("repeatUnit")]}>
              {(control) => (
                <select {...control} name="repeatUnit" defaultValue={values.repeatUnit || "week"}>
                  <option value="day">days</option>
                  <option value="week">weeks</option>
                  <option value="month">months</option>
                  <option value="year">years</option>
                </select>
              )}
            </Field>
          </div>
        )}
        {showCount && (
          <Field
            id={id("occurrences")}
            label="Number of meetings"
            errors={fieldErrors[id("occurrences")]}
            hint={`${mode === "book" ? "Including the first one." : "Including the next one."} Monthly meetings on the 29th to 31st skip months without that day.`}
          >
            {(control) => <input {...control} name="occurrences" type="number" inputMode="numeric" min={2} max={500} defaultValue={values.occurrences || "4"} />}
          </Field>
        )}
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row">
        <button
          type="submit"
          name="intent"
          value={mode === "book" ? "book" : "save"}
          disabled={pending}
          className="min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40 disabled:opacity-60"
        >
          {mode === "book" ? "Book the conference" : "Save changes"}
        </button>
        {mode === "book" && (
          <button
            type="submit"
            name="intent"
            value="now"
            disabled={pending}
            className="min-h-12 rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600/40 disabled:opacity-60 dark:text-sky-300 dark:hover:bg-slate-800"
          >
            Open a room now
          </button>
        )}
      </div>
    </form>
  );
}
