// Protocol failures as a status and a catalogue id: the service's own (EscalationError with a
// joint.* id), and the database's refusals that slip past it — a second pending proposal or a
// version number taken by a concurrent proposal (unique violation), a proposal accepted after
// the protocol moved on (the 0082 trigger's serialization failure), a side rule (42501).
import type { MessageId } from "#app/i18n/catalogue";
import { EscalationError } from "../escalations/actor.server";
import { asEscalationError } from "../escalations/http.server";

function sqlState(err: unknown): string | null {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export function protocolFailure(err: unknown): { status: 400 | 403 | 404 | 409; message: MessageId } {
  if (err instanceof EscalationError && err.message.startsWith("joint."))
    return { status: err.status, message: err.message as MessageId };
  const code = sqlState(err);
  if (code === "23505") return { status: 409, message: "joint.protocol.error.pending" };
  if (code === "40001") return { status: 409, message: "joint.protocol.error.stale" };
  const e = asEscalationError(err);
  if (!e) throw err;
  return {
    status: e.status,
    message: e.status === 403 ? "joint.protocol.error.notAllowed" : "joint.protocol.error.invalid",
  };
}
