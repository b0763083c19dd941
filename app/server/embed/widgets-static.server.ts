// Serves the widget bundle (public/widgets/) to any page. The file is public code without
// secrets and is fetched without credentials, so `Access-Control-Allow-Origin: *` is safe and
// needed: `<script type="module">` loads cross-origin scripts in CORS mode. The name is not
// content-hashed (host pages hard-code it), so caching is long but revalidated: a day fresh,
// a week stale-while-revalidate, and an ETag that makes the check a 304.
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";

export function serveWidgets(dir: string) {
  const files = express.static(dir, {
    index: false,
    fallthrough: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, filePath) => {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
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
    files(req, res, (err?: unknown) => {
      if (err) {
        res.status(404).type("text/plain").send("No such widget file.");
        return;
      }
      next();
    });
  };
}
