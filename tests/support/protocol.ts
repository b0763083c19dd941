// The escalation protocol's proposal form for a set of terms, as the page posts it (hours, one
// row per contact), for tests that propose through the page.
import type { ProtocolTerms } from "#app/domain/joint/protocol";

export function proposalForm(
  terms: ProtocolTerms,
  note = "Test proposal",
  opts: { applyToRunning?: boolean } = {},
): Record<string, string> {
  const form: Record<string, string> = {
    intent: "propose",
    note,
    otifFloorPct: String(terms.review.otifFloorPct),
    consecutivePeriods: String(terms.review.consecutivePeriods),
    fillRateFloorPct: String(terms.review.fillRateFloorPct),
  };
  // The proposer's choice that accepting it also moves the running escalations (0090).
  if (opts.applyToRunning) form.applyToRunning = "on";
  for (const [s, x] of Object.entries(terms.severities)) {
    form[`${s}.definition`] = x.definition;
    form[`${s}.firstResponseHours`] = String(x.firstResponseMinutes / 60);
    form[`${s}.resolutionHours`] = String(x.resolutionMinutes / 60);
    form[`${s}.leadHours`] = String(x.levelAfterMinutes.lead / 60);
    form[`${s}.account_executiveHours`] = String(x.levelAfterMinutes.account_executive / 60);
    form[`${s}.leadershipHours`] = String(x.levelAfterMinutes.leadership / 60);
    if (x.twentyFourSeven) form[`${s}.twentyFourSeven`] = "on";
  }
  terms.contacts.forEach((c, i) => {
    for (const [k, v] of Object.entries(c)) form[`contact.${i}.${k}`] = v;
  });
  return form;
}
