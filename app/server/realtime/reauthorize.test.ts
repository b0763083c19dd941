import { describe, expect, it } from "vitest";
import { credentialKey, SHARE_MS, sharedReauthorize } from "./reauthorize.server";

const req = (headers: Record<string, string>) => new Request("http://x/api/v1/stream", { headers });

describe("sharedReauthorize", () => {
  it("answers streams with the same credentials from one check within SHARE_MS", async () => {
    const key = credentialKey(req({ cookie: "s=1" }), "orders:read");
    let checks = 0;
    const check = async () => (checks++, true);
    await Promise.all([0, 1, 2].map(() => sharedReauthorize(key, check, 1_000_000)));
    expect(checks).toBe(1);
    await sharedReauthorize(key, check, 1_000_000 + SHARE_MS);
    expect(checks).toBe(2);
  });

  it("keeps different credentials and scopes apart", () => {
    expect(credentialKey(req({ cookie: "s=1" }), "orders:read")).not.toBe(
      credentialKey(req({ cookie: "s=2" }), "orders:read"),
    );
    expect(credentialKey(req({ authorization: "Bearer a" }), "orders:read")).not.toBe(
      credentialKey(req({ authorization: "Bearer a" }), "other"),
    );
  });

  it("does not share a failed check", async () => {
    const key = credentialKey(req({ cookie: "s=3" }), "orders:read");
    await expect(sharedReauthorize(key, () => Promise.reject(new Error("db")), 2_000_000)).rejects.toThrow("db");
    await expect(sharedReauthorize(key, async () => false, 2_000_001)).resolves.toBe(false);
  });
});
