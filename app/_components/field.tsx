import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-lg border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm " +
  "focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40 " +
  "aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 " +
  "dark:aria-[invalid=true]:border-red-400";

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

/** Props tying an input to its error: aria-invalid and aria-describedby (with an optional hint). */
export function describedBy(field: string, errors: Record<string, string[]>, hint?: string) {
  const ids = [errors[field]?.length ? errorId(field) : undefined, hint].filter(Boolean).join(" ");
  return { "aria-invalid": errors[field]?.length ? true : undefined, "aria-describedby": ids || undefined };
}

export function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-medium">
      {children}
    </label>
  );
}
