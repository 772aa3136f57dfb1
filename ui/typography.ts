/**
 * Text pieces that recur across pages (the app's and our server's own, server/pages/): titles, links
 * in text, small notes. Whole class lists, written out in full (Tailwind finds its classes in the
 * source). Plain strings without Next.js or client code.
 */

/** A page's <h1>. */
export const pageTitle = "text-3xl font-bold tracking-tight";

/** A page's <h1> that shows a conference's name: a long name breaks anywhere rather than overflow. */
export const namedPageTitle = "break-words text-3xl font-bold tracking-tight";

/** A section's <h2> within a page. */
export const sectionTitle = "text-xl font-semibold";

/** A link within or after a text. */
export const textLink = "font-medium underline";

/** A small line that explains (what a link sends where, what Planado never learns). */
export const note = "text-sm text-slate-600 dark:text-slate-400";
