/**
 * A notice box above a page's content or in a form: what just happened (success: booked, updated,
 * deleted) or what needs attention (warning: a conflict, a limit, a form's message, the admin link's
 * secret). Whole class lists, written out in full (Tailwind finds its classes in the source). A plain
 * component without Next.js or client code: server and client components use it alike.
 */
import type { ReactNode } from "react";

const successNotice =
  "rounded-lg border border-emerald-700 bg-emerald-50 px-4 py-3 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50";

const warningNotice = "rounded-lg border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50";

const TONES = { success: successNotice, warning: warningNotice } as const;

export type NoticeTone = keyof typeof TONES;

interface NoticeProps {
  tone: NoticeTone;
  /** "status" for a notice that arrives with the page to say what just happened. */
  role?: "status";
  children: ReactNode;
}

export function Notice({ tone, role, children }: NoticeProps) {
  return (
    <p role={role} className={TONES[tone]}>
      {children}
    </p>
  );
}
