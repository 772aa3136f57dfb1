/**
 * What the last-resort error page says, in every language (it has no layout, hence no language to ask
 * for). Copied from messages/*.json ("error") rather than imported: a client component would ship
 * every message file to every browser. global-error-texts.test.ts keeps the copy true.
 */
import type { Locale } from "@/lib/i18n/locales";

export const GLOBAL_ERROR_TEXTS: Record<Locale, { title: string; text: string }> = {
  en: {
    title: "Planado is unavailable for a moment",
    text: "Something went wrong on our side, most likely with the database. Your conference is safe. Please try again in a minute.",
  },
  de: {
    title: "Planado ist gerade nicht erreichbar",
    text: "Bei uns ist etwas schiefgegangen, vermutlich mit der Datenbank. Ihre Konferenz ist sicher. Bitte versuchen Sie es in einer Minute noch einmal.",
  },
  fr: {
    title: "Planado est momentanément indisponible",
    text: "Un problème est survenu de notre côté, très probablement avec la base de données. Votre conférence ne risque rien. Veuillez réessayer dans une minute.",
  },
  es: {
    title: "Planado no está disponible en este momento",
    text: "Algo ha fallado por nuestra parte, probablemente la base de datos. Su conferencia está a salvo. Vuelva a intentarlo dentro de un minuto.",
  },
  it: {
    title: "Planado è momentaneamente non disponibile",
    text: "Si è verificato un problema da parte nostra, molto probabilmente con il database. La tua riunione è al sicuro. Riprova tra un minuto.",
  },
  nl: {
    title: "Planado is even niet beschikbaar",
    text: "Er is bij ons iets misgegaan, waarschijnlijk met de database. Uw vergadering is veilig. Probeer het over een minuut opnieuw.",
  },
  pl: {
    title: "Serwis Planado jest chwilowo niedostępny",
    text: "Coś poszło nie tak po naszej stronie, najprawdopodobniej z bazą danych. Twoja konferencja jest bezpieczna. Spróbuj ponownie za minutę.",
  },
  pt: {
    title: "O Planado está momentaneamente indisponível",
    text: "Ocorreu um erro do nosso lado, muito provavelmente na base de dados. A sua conferência está em segurança. Tente novamente daqui a um minuto.",
  },
  ar: { title: "Planado غير متاح مؤقتًا", text: "حدث خطأ من جهتنا، على الأرجح في قاعدة البيانات. لم يتأثر اجتماعك. يُرجى المحاولة مرة أخرى بعد دقيقة." },
};
