/**
 * Where the build (scripts/lib/stylesheets.ts) puts what our server and the tests read, inside Next's
 * build folder: the participant's pages' stylesheet (server/assets.ts serves it), and the app's
 * stylesheets as Tailwind wrote them before they were lowered for old browsers (kept for the test
 * that compares the two).
 */
export const PARTICIPANT_STYLESHEET = "planado/participant.css";
export const ORIGINAL_STYLESHEETS = "planado/original";
