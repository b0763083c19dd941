// The sample customer intranet (`npm start`, INTRANET_PORT): a page on another origin that
// embeds all four widgets, themed its own way, and mints widget tokens *server-side* with the
// demo Acme embed key — the pattern widgets/README.md tells customers to copy. It loads the
// widgets the way a careful intranet does: one pinned version with its integrity hash (the current
// build by default; `/?widgets=1.0.0` loads an older release against today's API). `/?lang=de` (or
// `ja`) is the same intranet in German (Japanese): its <html lang> is all the widgets need to follow.
import http from "node:http";
import { pinnedScriptTag, widgetReleases, type WidgetVersion } from "./widget-releases.server";

export interface IntranetOptions {
  port: number;
  /** Where browsers load the widgets and call the API (the portal's public origin). */
  portalUrl: string;
  /** Where this server reaches the portal for token minting (server to server). */
  portalInternalUrl: string;
  /** The intranet's own origin, that tokens are minted for. */
  origin: string;
  secret: string;
}

/** The host page's own texts (the customer's, not Sightline's: the widgets bring their own). */
const HOST_TEXT = {
  en: {
    title: "Acme intranet · Logistics corner",
    h1: "Acme intranet — Logistics corner",
    intro: "Live order status and service levels from our supplier, embedded with Sightline widgets.",
    orders: "Orders",
    service: "Service and support",
    heading: ' heading="Our orders"',
  },
  de: {
    title: "Acme-Intranet · Logistik",
    h1: "Acme-Intranet — Logistik",
    intro: "Auftragsstatus und Servicelevel unseres Lieferanten, live eingebunden mit Sightline-Widgets.",
    orders: "Aufträge",
    service: "Service und Support",
    heading: "",
  },
  ja: {
    title: "Acme イントラネット · 物流",
    h1: "Acme イントラネット — 物流",
    intro: "仕入先の注文状況とサービスレベルを Sightline ウィジェットでリアルタイムに表示しています。",
    orders: "注文",
    service: "サービスとサポート",
    heading: "",
  },
};
export type HostLang = keyof typeof HOST_TEXT;

function page(o: IntranetOptions, widgets: WidgetVersion, lang: HostLang = "en"): string {
  const api = o.portalUrl.replace(/"/g, "");
  const text = HOST_TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
  body { margin: 0; font-family: Georgia, "Times New Roman", serif; background: #f6f3ee; color: #2b2118; }
  header { background: #3b2f2f; color: #fdf6e3; padding: 16px 24px; }
  header h1 { margin: 0; font-size: 1.4rem; }
  header p { margin: 4px 0 0; color: #e8dcc8; }
  main { display: grid; gap: 20px; padding: 24px; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); max-width: 1280px; margin: 0 auto; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
  section { display: grid; gap: 20px; align-content: start; }
  h2.note { font-size: 1rem; margin: 0; }
  sightline-order-list, sightline-order-tracker, sightline-escalation-form {
    --sightline-color-accent: #8a3b12;
    --sightline-color-border: #d8c7b0;
    --sightline-color-surface: #fffdf8;
    --sightline-color-text: #2b2118;
    --sightline-color-muted: #6b5a48;
    --sightline-radius: 2px;
  }
  sightline-sla-scorecard {
    --sightline-color-surface: #1d2b2a;
    --sightline-color-text: #eef6f3;
    --sightline-color-muted: #b5cbc6;
    --sightline-color-border: #36504d;
    --sightline-color-accent: #7fd1c2;
    --sightline-color-success: #8ee6a8;
    --sightline-color-danger: #ffb4a8;
  }
  sightline-order-list::part(row):hover { background: #f3e9dc; }
</style>
</head>
<body>
<header>
  <h1>${text.h1}</h1>
  <p>${text.intro}</p>
</header>
<main>
  <section aria-label="${text.orders}">
    <sightline-order-list api-base="${api}" page-size="8"${text.heading}></sightline-order-list>
    <sightline-order-tracker api-base="${api}"></sightline-order-tracker>
  </section>
  <section aria-label="${text.service}">
    <sightline-sla-scorecard api-base="${api}" theme="dark"></sightline-sla-scorecard>
    <sightline-escalation-form api-base="${api}"></sightline-escalation-form>
  </section>
</main>
${pinnedScriptTag(api, widgets)}
<script type="module">
  // Tokens come from this intranet's own server (/token), which holds the embed key secret.
  const fetchToken = () => fetch("/token" + location.search, { cache: "no-store" }).then((r) => {
    if (!r.ok) throw new Error("token " + r.status);
    return r.json();
  });
  for (const el of document.querySelectorAll("main > section > *")) el.fetchToken = fetchToken;
  const tracker = document.querySelector("sightline-order-tracker");
  const form = document.querySelector("sightline-escalation-form");
  document.addEventListener("sightline-order-select", (e) => {
    tracker.order = e.detail.orderId;
    form.order = e.detail.orderId;
    form.orderNumber = e.detail.orderNumber;
  });
</script>
</body>
</html>`;
}

async function mint(o: IntranetOptions, ttl: number | null): Promise<{ status: number; body: string }> {
  const res = await fetch(`${o.portalInternalUrl}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${o.secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ origin: o.origin, ...(ttl ? { ttlSeconds: ttl } : {}) }),
  });
  return { status: res.status, body: await res.text() };
}

export function startIntranetDemo(o: IntranetOptions): http.Server {
  const releases = widgetReleases();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://intranet");
    if (req.method === "GET" && url.pathname === "/") {
      const asked = url.searchParams.get("widgets");
      const widgets = asked ? releases.byVersion(asked) : (releases.current ?? releases.recommended());
      if (!widgets) {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end(asked ? "No such widget version." : "The widget bundle is not built: npm run build:widgets.");
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      const lang = url.searchParams.get("lang");
      res.end(page(o, widgets, lang === "de" || lang === "ja" ? lang : "en"));
      return;
    }
    if (req.method === "GET" && url.pathname === "/token") {
      // A demo knob for trying token refresh: /?ttl=20 makes every token live 20 seconds.
      const ttl = Number(url.searchParams.get("ttl"));
      mint(o, Number.isInteger(ttl) && ttl >= 5 && ttl <= 600 ? ttl : null).then(
        (r) => {
          res.writeHead(r.status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
          res.end(r.body);
        },
        () => {
          res.writeHead(502, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ detail: "The portal could not be reached to mint a token." }));
        },
      );
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("Not found");
  });
  server.listen(o.port);
  return server;
}
