// The answers that did not match the OpenAPI document, recorded by the taps (api-answers.ts,
// fetch-answers.ts) and read by the setup files' hooks. A module of its own with no imports: the
// setup file runs in every test file, and importing the checker there built the whole OpenAPI
// document in each of them (pure unit files included, and the time-zone runs), about 2–5 s of
// setup per file on the 2-core CI machine. Files that tap answers load the checker themselves.

export interface RecordedMismatch {
  test: string;
  mismatch: string;
}

const KEY = Symbol.for("sightline.apiAnswerMismatches");
export function pendingMismatches(): RecordedMismatch[] {
  const g = globalThis as Record<symbol, RecordedMismatch[] | undefined>;
  return (g[KEY] ??= []);
}
