/**
 * `npm run build`: the production build `npm start` serves (Next's build and the stylesheets for old
 * browsers), into NEXT_DIST_DIR (default .next), when the sources changed since the last one.
 */
import { exitWith, log } from "./lib/cli";
import { ensureBuild } from "./lib/build";

ensureBuild(process.env.NEXT_DIST_DIR || ".next", log).then((outcome) => log(outcome === "fresh" ? "The build is up to date." : "Built."), exitWith);
