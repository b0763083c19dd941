// The better-auth instance: email + password, cookie sessions, organizations = tenants.
// Its HTTP handler is not mounted: Remix actions call auth.api on the server, behind our own
// Origin check and failure-based rate limiter, so there is no second entrance to guard.
// better-auth is imported when the instance is first asked for (getAuth), not when this module
// loads: it is the largest package the server loads, and /healthz and the first page of a
// restarted process should not wait for it (the portal warms it up right after it listens).
import { eq, sql } from "drizzle-orm";
import * as schema from "#db/schema/index";
import { getDb } from "../db.server";
import { env, portalOrigin } from "../env.server";
import { sendMail } from "../mail.server";
import { renderMail } from "../mail-layout.server";
import { translator } from "#app/i18n/catalogue";
import { isLocale, type Locale } from "#app/i18n/locales";
import { sessionSecret } from "./session-secret.server";

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

async function createAuth() {
  const [{ betterAuth }, { drizzleAdapter }, { organization }, { createAccessControl }, access] = await Promise.all([
    import("better-auth"),
    import("better-auth/adapters/drizzle"),
    import("better-auth/plugins"),
    import("better-auth/plugins/access"),
    import("better-auth/plugins/organization/access"),
  ]);
  const ac = createAccessControl(access.defaultStatements);
  const customerRoles = {
    customer_admin: ac.newRole(access.adminAc.statements),
    customer_viewer: ac.newRole(access.memberAc.statements),
  };
  const { db } = await getDb();
  const production = env().NODE_ENV === "production" && portalOrigin().startsWith("https:");
  return betterAuth({
    appName: "Sightline",
    baseURL: portalOrigin(),
    basePath: "/api/auth",
    secret: sessionSecret(),
    trustedOrigins: [portalOrigin()],
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      // Users join by invitation (accept page) or are created by platform admins.
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const locale = await userLocale(db, user.id);
        const t = translator(locale);
        await sendMail({
          to: user.email,
          ...renderMail({
            locale,
            origin: portalOrigin(),
            subject: t("email.reset.subject"),
            heading: t("email.reset.heading"),
            recipientName: user.name,
            paragraphs: [t("email.reset.intro", { email: user.email }), t("email.reset.expiry")],
            action: { label: t("email.reset.action"), path: `/reset-password?token=${encodeURIComponent(token)}` },
            after: [t("email.reset.ignore")],
          }),
        });
      },
    },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: 24 * 3600 },
    rateLimit: { enabled: false }, // our own limiter counts failures, across processes (rate-limit.server.ts)
    advanced: {
      cookiePrefix: "sightline",
      useSecureCookies: production,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: production },
    },
    plugins: [
      organization({
        ac,
        roles: customerRoles,
        creatorRole: "customer_admin",
        allowUserToCreateOrganization: false,
        invitationExpiresIn: INVITATION_TTL_SECONDS,
        sendInvitationEmail: async ({ id, email, organization: org, inviter }) => {
          // An address that already has an account (another organisation's, or staff) gets a
          // notice instead of a link it cannot use. The inviter is told the same either way, so an
          // invitation cannot be used to find out who uses Sightline.
          const [known] = await db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, email));
          // In the inviting account's language (the addressee has chosen none yet).
          const [account] = await db
            .select({ locale: schema.tenants.defaultLocale })
            .from(schema.tenants)
            .where(eq(schema.tenants.id, org.id));
          const locale: Locale = isLocale(account?.locale) ? account.locale : "en";
          const t = translator(locale);
          const names = { inviter: inviter.user.name, account: org.name, email };
          if (known) {
            await sendMail({
              to: email,
              ...renderMail({
                locale,
                origin: portalOrigin(),
                subject: t("email.invite.taken.subject", names),
                heading: t("email.invite.taken.subject", names),
                paragraphs: [t("email.invite.taken.intro", names), t("email.invite.taken.body", names)],
                after: [t("email.invite.taken.ignore")],
              }),
            });
            return;
          }
          await sendMail({
            to: email,
            ...renderMail({
              locale,
              origin: portalOrigin(),
              subject: t("email.invite.subject", names),
              heading: t("email.invite.heading", names),
              paragraphs: [t("email.invite.intro", names), t("email.invite.expiry")],
              action: { label: t("email.invite.action"), path: `/invitations/${encodeURIComponent(id)}` },
            }),
          });
        },
      }),
    ],
  });
}

/** A user's language: their own choice, else their account's default, else English. */
async function userLocale(db: Awaited<ReturnType<typeof getDb>>["db"], userId: string): Promise<Locale> {
  const [row] = await db
    .select({ own: schema.user.locale, account: schema.tenants.defaultLocale })
    .from(schema.user)
    .leftJoin(schema.member, eq(schema.member.userId, schema.user.id))
    .leftJoin(schema.tenants, sql`${schema.tenants.id}::text = ${schema.member.organizationId}`)
    .where(eq(schema.user.id, userId))
    .limit(1);
  return [row?.own, row?.account].find(isLocale) ?? "en";
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const KEY = Symbol.for("sightline.auth");
type Holder = { [KEY]?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createAuth();
  return holder[KEY];
}
