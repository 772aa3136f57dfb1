import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-lg border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm " +
  "focus:border-brand-600 focus-ring " +
  "aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 " +
  "dark:aria-[invalid=true]:border-red-400";

/** A control's label above it. */
export const labelClass = "mb-1 block font-medium";

export function errorId(field: string) {
  return `${field}-error`;
}

/** The error messages of a field, referenced by its aria-describedby. */
export function FieldError({ field, errors }: { field: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={errorId(field)} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

/** What a form control needs to be labelled, styled and tied to its hint and errors. */
export interface ControlProps {
  id: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** Errors shown elsewhere that concern this control too (a fieldset's, say). */
  sharedErrorIds?: string[];
  children: (control: ControlProps) => ReactNode;
}

/** A label, a control, an optional hint and the control's errors, wired for screen readers. */
export function Field({ id, label, hint, errors, sharedErrorIds = [], children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorIds = [...(errors?.length ? [errorId(id)] : []), ...sharedErrorIds];
  const describedBy = [...errorIds, hintId].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, className: inputClass, "aria-invalid": errorIds.length ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError field={id} errors={errors} />
    </div>
  );
}

/** A whole number within the schema's range: the numeric keyboard on phones, the browser's own range check. */
export function WholeNumberInput({
  control,
  name,
  range,
  defaultValue,
}: {
  control: ControlProps;
  name: string;
  range: { min: number; max: number };
  defaultValue: string;
}) {
  return <input {...control} name={name} type="number" inputMode="numeric" min={range.min} max={range.max} defaultValue={defaultValue} />;
}
