// Released widget files are frozen: each still hashes to the integrity recorded when it was
// released (host pages pin that hash), the source version is never one already released, and
// every version has its changelog entry.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareVersions,
  isSemver,
  readReleaseIndex,
  sourceVersion,
  sriOf,
} from "#app/server/embed/widget-releases.server";

const root = path.resolve(import.meta.dirname, "../..");
const index = readReleaseIndex(root);
const released = Object.keys(index);

describe("widget releases", () => {
  it("has at least the first release, each named by a plain semantic version", () => {
    expect(released).toContain("1.0.0");
    for (const v of released) expect(isSemver(v), v).toBe(true);
  });

  it.each(released)("keeps %s byte for byte as released (its file matches the recorded integrity)", (v) => {
    const bytes = readFileSync(path.join(root, "widgets/releases", v, "sightline-widgets.js"));
    expect(sriOf(bytes)).toBe(index[v].integrity);
  });

  it("builds a source version newer than every release (bump it when releasing)", () => {
    const source = sourceVersion(root);
    expect(isSemver(source)).toBe(true);
    for (const v of released) expect(compareVersions(source, v), `${source} vs ${v}`).toBeGreaterThan(0);
  });

  it("names every released version and the source version in the changelog", () => {
    const changelog = readFileSync(path.join(root, "widgets/CHANGELOG.md"), "utf8");
    for (const v of [...released, sourceVersion(root)])
      expect(changelog, v).toMatch(new RegExp(`^## .*\\b${v.replace(/\./g, "\\.")}\\b`, "m"));
  });

  it("orders versions by number, not by text", () => {
    expect(compareVersions("1.10.0", "1.9.3")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(isSemver("1.2")).toBe(false);
    expect(isSemver("1.2.3-beta")).toBe(false);
    expect(isSemver("01.2.3")).toBe(false);
  });
});

describe("the npm package", () => {
  const pkg = JSON.parse(readFileSync(path.join(root, "widgets/package.json"), "utf8")) as {
    name: string;
    exports: Record<string, string | Record<string, string>>;
    files: string[];
    customElements: string;
  };

  it("exports the bundle with its declarations and the custom-elements manifest from dist/", () => {
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/sightline-widgets.js" });
    expect(pkg.exports["./custom-elements.json"]).toBe("./dist/custom-elements.json");
    expect(pkg.customElements).toBe("./dist/custom-elements.json");
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "README.md", "CHANGELOG.md"]));
  });
});
