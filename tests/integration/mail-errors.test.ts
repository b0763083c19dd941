// Failures by their source: a mail server that refuses the connection is a mail failure, not the
// database being unavailable (which is answered "database unavailable, retry" by the route guard).
// Same on every database: no database (a refusing mail server). npm run test:pg leaves it out (vitest.config.ts).
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";

/** A port that refuses connections: bound, read, and released again. */
async function refusingPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe("a refused SMTP connection", () => {
  it("is reported as the mail server's failure, not as the database being unavailable", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await refusingPort()}`;
    const { sendMail } = await import("#app/server/mail.server");
    const { DependencyError, failedDependency, isDatabaseUnavailable } =
      await import("#app/server/http/problem.server");
    const err = await sendMail({ to: "someone@example.com", subject: "Hello", text: "Hi", html: "<p>Hi</p>" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DependencyError);
    // The driver-level error is a refused connection, the same failure a lost database shows...
    expect((err as Error & { cause: { code?: string; message: string } }).cause.message).toContain("ECONNREFUSED");
    // ...and yet it is not taken for a database outage, because its source is known.
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(failedDependency(new Error("wrapped", { cause: err }))?.dependency).toBe("mail");
  });
});
