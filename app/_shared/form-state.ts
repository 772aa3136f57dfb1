import type { BookingFormValues } from "@/lib/conferences/booking-form";
import type { FieldErrors } from "@/lib/conferences/schema";

/** What a form's server action answers, for useActionState (and for the page without JavaScript). */
export interface FormState {
  errors: FieldErrors;
  message?: string;
  /** The input as submitted, so nothing typed is lost when there are errors. */
  values?: BookingFormValues;
  /** Counts submissions, so the form re-mounts with the values above as its defaults. */
  attempt: number;
}

export const initialFormState: FormState = { errors: {}, attempt: 0 };
