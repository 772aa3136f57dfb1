/**
 * The boundaries of CONTRIBUTING.md are kept by ESLint (eslint.config.mjs), not by comments: each
 * forbidden import below, written into a file where it does not belong, fails the linter; the same
 * import where it belongs passes.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary messages ESLint reports for `source` as if it were the file at `filePath`. */
async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const cases: [where: string, source: string, refusal: RegExp][] = [
  ["app/page-of-a-newcomer.tsx", 'import { db } from "@/lib/db";\nexport const x = db;\n', /store\.ts/],
  ["lib/conferences/describe-more.ts", 'import { db } from "../db";\nexport const x = db;\n', /store\.ts/],
  ["server/pages/more.tsx", 'import { findByAdminId } from "@/lib/conferences/store";\nexport const x = findByAdminId;\n', /operations\.ts/],
  ["lib/api/more.ts", 'import { insertConference } from "../conferences/store";\nexport const x = insertConference;\n', /operations\.ts/],
  ["app/a/[adminId]/more.tsx", 'import { primaryButton } from "../../../ui/button";\nexport const x = primaryButton;\n', /@\/app\/|climbing/],
  ["lib/time/more.ts", 'import { send } from "@/server/send";\nexport const x = send;\n', /core/],
  ["lib/time/more-relative.ts", 'import { send } from "../../server/send";\nexport const x = send;\n', /core/],
  ["server/more.ts", 'import { bookConference } from "@/app/actions";\nexport const x = bookConference;\n', /door beside Next/],
  ["ui/more.tsx", 'import { send } from "@/server/send";\nexport const x = send;\n', /look both doors share/],
  ["scripts/lib/more.ts", 'import { SCENARIOS } from "../../bench/scenarios";\nexport const x = SCENARIOS;\n', /bench\//],
  ["app/a/[adminId]/dotted.tsx", 'import { primaryButton } from "./../../../ui/button";\nexport const x = primaryButton;\n', /climbing/],
  ["lib/time/dotted.ts", 'import { send } from "./../../server/send";\nexport const x = send;\n', /core/],
  ["lib/conferences/more.ts", 'import { db } from "../db.js";\nexport const x = db;\n', /store\.ts/],
  ["server/cluster.ts", 'import { catchUpWithCluster } from "@/lib/cluster-reads";\nexport const x = catchUpWithCluster;\n', /store\.ts/],
  ["bench/more.ts", 'import { db } from "../lib/db";\nexport const x = db;\n', /store\.ts/],
  ["app/more.tsx", 'import { freePort } from "@/scripts/lib/free-port";\nexport const x = freePort;\n', /Next's door/],
];

describe("the linter keeps the boundaries", () => {
  it.each(cases)("refuses the forbidden import in %s", async (where, source, refusal) => {
    const messages = await refusals(where, source);
    expect(messages.length, `${where}: ${source}`).toBe(1);
    expect(messages[0]).toMatch(refusal);
  });

  it("lets each import through where it belongs", async () => {
    expect(await refusals("lib/conferences/store.ts", 'import { db } from "../db";\nexport const x = db;\n')).toEqual([]);
    expect(await refusals("lib/cleanup/run.ts", 'import { db } from "../db";\nexport const x = db;\n')).toEqual([]);
    expect(
      await refusals(
        "app/page-of-a-newcomer.tsx",
        'import { book } from "@/lib/conferences/operations";\nimport { primaryButton } from "@/ui/button";\nexport const x = [book, primaryButton];\n',
      ),
    ).toEqual([]);
    expect(await refusals("lib/api/more.ts", 'import type { RoomRecord } from "../conferences/store";\nexport type X = RoomRecord;\n')).toEqual([]);
    expect(await refusals("bench/more.ts", 'import { freePort } from "../scripts/lib/free-port";\nexport const x = freePort;\n')).toEqual([]);
  });
});
