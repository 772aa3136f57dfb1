/** The look of Planado's buttons (links and form buttons alike), in one place. */
const base = "inline-flex min-h-12 items-center rounded-lg px-5 py-3 font-semibold focus-ring";

/** The one main action of a page. */
export const primaryButton = `${base} bg-brand-600 text-white hover:bg-brand-700`;

/** Actions beside the main one. */
export const secondaryButton = `${base} border border-brand-600 text-brand-700 hover:bg-brand-50 dark:text-sky-300 dark:hover:bg-slate-800`;
