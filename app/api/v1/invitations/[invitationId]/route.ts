import { otherMethods } from "@/app/api/v1/context";

export const dynamic = "force-dynamic";

// GET and HEAD never reach Next: our server answers them on the participant's fast path
// (server/routes.ts), with the same lib/api function. This route answers the rest:
// CORS preflight, and 405 for the methods it does not offer.
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
