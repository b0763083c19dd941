// The answer of a page's last action, as a settings page shows it: green when it was done, red
// when it was refused (the action returns `{ ok, message }` with a catalogue message).
import type { Localized } from "#app/i18n/localized";
import { useT } from "#app/i18n/react";
import { Alert } from "./ui";

export function ResultAlert({ result }: { result: { ok: boolean; message: Localized | null } | undefined }) {
  const t = useT();
  if (!result?.message) return null;
  return <Alert tone={result.ok ? "success" : "error"}>{t(result.message.id, result.message.values)}</Alert>;
}
