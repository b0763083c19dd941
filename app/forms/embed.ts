// Embed key form: one schema for the settings page and the service that creates keys.
import { z } from "zod";

export const EMBED_SCOPE_OPTIONS = [
  { value: "orders:read", label: "Orders — list, tracker and live updates" },
  { value: "sla:read", label: "Service levels — scorecard" },
  { value: "escalations:write", label: "Escalations — raise from the widget" },
] as const;

export const EMBED_KEY_SCOPES = ["orders:read", "sla:read", "escalations:write"] as const;

/**
 * An exact web origin: scheme, host and port, nothing else (no path, query, wildcard or
 * credentials). Returns the canonical form (`https://intranet.example.com`) or null.
 */
export function normalizeOrigin(input: string): string | null {
  const raw = input.trim().replace(/\/$/, "");
  if (!/^https?:\/\/[^/?#@*\s]+$/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.origin;
}

export const embedKeySchema = z.object({
  name: z
    .string({ message: "Enter a name." })
    .trim()
    .min(1, "Enter a name, e.g. “Plant intranet”.")
    .max(100, "Keep the name to 100 characters or fewer."),
  origins: z.string({ message: "Enter at least one origin." }).transform((s, ctx) => {
    const lines = s
      .split(/[\s,]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) {
      ctx.addIssue({ code: "custom", message: "Enter at least one origin, e.g. https://intranet.example.com." });
      return z.NEVER;
    }
    if (lines.length > 20) {
      ctx.addIssue({ code: "custom", message: "Use at most 20 origins per key." });
      return z.NEVER;
    }
    const out: string[] = [];
    for (const l of lines) {
      const o = normalizeOrigin(l);
      if (!o) {
        ctx.addIssue({
          code: "custom",
          message: `“${l.slice(0, 80)}” is not an origin. Use scheme, host and optional port only, e.g. https://intranet.example.com:8443.`,
        });
        return z.NEVER;
      }
      if (!out.includes(o)) out.push(o);
    }
    return out;
  }),
  scopes: z
    .array(z.enum(EMBED_KEY_SCOPES, { message: "Choose a listed permission." }))
    .min(1, "Choose at least one permission."),
  sites: z.array(z.uuid("Choose a listed site.")).max(50).default([]),
});
export type EmbedKeyInput = z.infer<typeof embedKeySchema>;

export function embedKeyFromForm(form: FormData): Record<string, unknown> {
  const name = form.get("name");
  const origins = form.get("origins");
  return {
    name: typeof name === "string" ? name : undefined,
    origins: typeof origins === "string" ? origins : undefined,
    scopes: form.getAll("scopes").filter((v): v is string => typeof v === "string" && v !== ""),
    sites: form.getAll("sites").filter((v): v is string => typeof v === "string" && v !== ""),
  };
}
