/**
 * The look of Planado's buttons (links and form buttons alike), in one place. Whole class lists, each
 * written out in full (Tailwind finds its classes in the source). Plain strings without Next.js or
 * client code, so our server's own pages (server/pages/) use them too.
 */

/** The one main action of a page, as a link. */
export const primaryButton = "inline-flex min-h-12 items-center rounded-lg px-5 py-3 font-semibold focus-ring bg-brand-600 text-white hover:bg-brand-700";

/** Actions beside the main one, as links. */
export const secondaryButton =
  "inline-flex min-h-12 items-center rounded-lg px-5 py-3 font-semibold focus-ring border border-brand-600 text-brand-700 hover:bg-brand-50 dark:text-sky-300 dark:hover:bg-slate-800";

/** The way back out of a page, as a link: no box, underlined, as big as a button to hit. */
export const plainButton = "inline-flex min-h-12 items-center justify-center rounded-lg px-5 py-3 font-semibold underline";

/** The main action as a <button> that acts at once (copy, try again). */
export const primaryActionButton = "min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus-ring";

/** The main submit button of a form, dimmed while its form is sent. */
export const primarySubmitButton = "min-h-12 rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 focus-ring disabled:opacity-60";

/** A submit button beside the main one, dimmed while its form is sent. */
export const secondarySubmitButton =
  "min-h-12 rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 focus-ring disabled:opacity-60 dark:text-sky-300 dark:hover:bg-slate-800";

/** A submit button that destroys (delete a conference), dimmed while its form is sent. */
export const dangerSubmitButton = "min-h-12 rounded-lg bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 focus-ring disabled:opacity-60";
