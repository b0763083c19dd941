// Vitest setup file of the hardening suite: every /api/v1 answer a test receives — from the
// in-process portal (startPortal's tap) or from a spawned portal process (fetch, ./fetch-answers.ts)
// — is checked against the OpenAPI document; a mismatch fails the test, naming the route and it.
import { afterAll, afterEach } from "vitest";
import "./setup-api-answers";
import { installFetchAnswers, settledFetchAnswers } from "./fetch-answers";

installFetchAnswers();
// Registered after setup-api-answers' hooks, so (hooks run as a stack) the checks of bodies still
// being read finish before it looks at the list.
afterEach(settledFetchAnswers);
afterAll(settledFetchAnswers);
