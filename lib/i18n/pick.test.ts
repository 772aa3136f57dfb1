import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import { pickMessages } from "./pick";

describe("pickMessages", () => {
  it("keeps whole namespaces and single messages in their places, and nothing else", () => {
    const picked = pickMessages(en, ["countdown", "invitation.yourTime", "admin.copied"]);
    expect(picked).toEqual({ countdown: en.countdown, invitation: { yourTime: en.invitation.yourTime }, admin: { copied: en.admin.copied } });
  });

  it("ignores paths that do not exist", () => {
    expect(pickMessages(en, ["nothing", "admin.nothing", "admin.copied.deeper"])).toEqual({});
  });
});
