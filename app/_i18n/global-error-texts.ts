/**
 * What the last-resort error page says, in every language (it has no layout, hence no language to ask
 * for). Copied from messages/*.json ("error") rather than imported: a client component would ship
 * every message file to every browser. global-error-texts.test.ts keeps the copy true.
 */
import type { Locale } from "@/lib/i18n/locales";

export const GLOBAL_ERROR_TEXTS: Record<Locale, { title: string; text: string }> = {
  en: {
    title: "Something went wrong",
    text: "Planado ran into an error on our side, and it has been noted. Your conference is safe. Please try again; if it keeps happening, tell whoever runs this Planado.",
  },
  de: {
    title: "Etwas ist schiefgegangen",
    text: "Bei Planado ist auf unserer Seite ein Fehler aufgetreten; er wurde vermerkt. Ihre Konferenz ist sicher. Bitte versuchen Sie es noch einmal; wenn es wieder passiert, wenden Sie sich an die Betreiber dieses Planado.",
  },
  fr: {
    title: "Un problème est survenu",
    text: "Planado a rencontré une erreur de notre côté ; elle a été signalée. Votre conférence ne risque rien. Veuillez réessayer ; si cela se reproduit, prévenez la personne qui gère ce Planado.",
  },
  es: {
    title: "Algo ha fallado",
    text: "Planado ha tenido un error por nuestra parte y ha quedado registrado. Su conferencia está a salvo. Vuelva a intentarlo; si sigue ocurriendo, avise a quien administra este Planado.",
  },
  it: {
    title: "Qualcosa è andato storto",
    text: "Planado ha riscontrato un errore da parte nostra, che è stato registrato. La tua riunione è al sicuro. Riprova; se continua a succedere, avvisa chi gestisce questo Planado.",
  },
  nl: {
    title: "Er is iets misgegaan",
    text: "Planado liep bij ons tegen een fout aan; die is vastgelegd. Uw vergadering is veilig. Probeer het opnieuw; blijft het gebeuren, laat het dan weten aan wie deze Planado beheert.",
  },
  pl: {
    title: "Coś poszło nie tak",
    text: "W Planado wystąpił błąd po naszej stronie; został odnotowany. Twoja konferencja jest bezpieczna. Spróbuj ponownie; jeśli błąd będzie się powtarzał, powiadom osobę, która zarządza tym Planado.",
  },
  pt: {
    title: "Algo correu mal",
    text: "O Planado encontrou um erro do nosso lado, que ficou registado. A sua conferência está em segurança. Tente novamente; se continuar a acontecer, avise quem gere este Planado.",
  },
  ar: { title: "حدث خطأ ما", text: "واجه Planado خطأً من جهتنا، وقد سُجِّل. لم يتأثر اجتماعك. يُرجى المحاولة مرة أخرى؛ وإن تكرر ذلك، فأبلغ من يدير Planado هذا." },
};
