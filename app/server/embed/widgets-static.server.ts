// Serves the widget bundle to any page. The file is public code without secrets and is fetched
// without credentials, so `Access-Control-Allow-Origin: *` is safe and needed: `<script
// type="module">` loads cross-origin scripts in CORS mode (and SRI checks need it too).
//
// - `/widgets/v1.2.3/sightline-widgets.js`: a released version, immutable, cached for a year; the
//   current build's version before its release is revalidated on every use (see widget-releases).
// - `/widgets/v1/sightline-widgets.js`: the newest release of major 1, cached five minutes.
// - `/widgets/sightline-widgets.js` (and the manifest): the current build, as older snippets load it:
//   a day fresh, a week stale-while-revalidate, and an ETag that makes the check a 304.
// - `sightline-widgets.<locale>.json` beside each of them: the messages of a non-English locale,
//   which the bundle fetches from beside itself (widgets/src/core/i18n.ts), same caching as its
//   bundle. (Release 1.0.0 has none: it speaks English only.)
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { WIDGET_FILE, isSemver, widgetReleases, type WidgetReleases } from "./widget-releases.server";

const IMMUTABLE = "public, max-age=31536000, immutable";
const UNRELEASED = "public, no-cache";
const MAJOR_ALIAS = "public, max-age=300";

function crossOrigin(res: Response): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
}

function notFound(res: Response): void {
  res.status(404).type("text/plain").send("No such widget file.");
}

export function serveWidgets(dir: string, releases: WidgetReleases = widgetReleases(undefined, dir)) {
  const files = express.static(dir, {
    index: false,
    fallthrough: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, filePath) => {
      crossOrigin(res);
      res.setHeader(
        "Cache-Control",
        path.basename(filePath).endsWith(".json")
          ? "public, max-age=300"
          : "public, max-age=86400, stale-while-revalidate=604800",
      );
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.status(405).set("Allow", "GET, HEAD").end();
      return;
    }
    const versioned = /^\/v([^/]+)\/([^/]+)$/.exec(req.path);
    if (!versioned) {
      files(req, res, (err?: unknown) => (err ? notFound(res) : next()));
      return;
    }
    const [, tag, name] = versioned;
    const catalogue = /^sightline-widgets\.[a-z]{2}\.json$/.test(name);
    const found =
      name !== WIDGET_FILE && !catalogue
        ? null
        : /^\d{1,4}$/.test(tag)
          ? releases.latestOfMajor(Number(tag))
          : isSemver(tag)
            ? releases.byVersion(tag)
            : null;
    if (!found) {
      notFound(res);
      return;
    }
    crossOrigin(res);
    res.setHeader("X-Sightline-Widgets-Version", found.version);
    const cacheControl = !isSemver(tag) ? MAJOR_ALIAS : found.released ? IMMUTABLE : UNRELEASED;
    res.sendFile(
      catalogue ? path.join(path.dirname(found.file), name) : found.file,
      { etag: true, lastModified: false, cacheControl: false, headers: { "Cache-Control": cacheControl } },
      (err?: Error) => {
        if (err && !res.headersSent) notFound(res);
      },
    );
  };
}
