// The better-auth instance: email + password, cookie sessions, organizations = tenants.
// Its HTTP handler is not mounted: Remix actions call auth.api on the server, behind our own
// Origin check and failure-based rate limiter, so there is no second entrance to guard.
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { organization } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc } from "better-auth/plugins/organization/access";
import * as schema from "../../../db/schema/index";
import { getDb } from "../db.server";
import { env, portalOrigin } from "../env.server";
import { sendMail } from "../mail.server";
import { sessionSecret } from "./session-secret.server";

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

const ac = createAccessControl(defaultStatements);
export const customerRoles = {
  customer_admin: ac.newRole(adminAc.statements),
  customer_viewer: ac.newRole(memberAc.statements),
};

async function createAuth() {
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
        const url = `${portalOrigin()}/reset-password?token=${encodeURIComponent(token)}`;
        await sendMail({
          to: user.email,
          subject: "Reset your Sightline password",
          text: `Someone asked to reset the password for ${user.email}.\n\nOpen this link within an hour to choose a new password:\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.`,
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
          if (known) {
            await sendMail({
              to: email,
              subject: `${inviter.user.name} tried to invite you to ${org.name} on Sightline`,
              text: `${inviter.user.name} invited ${email} to see ${org.name}'s orders and service levels on Sightline.\n\nThis address already has a Sightline account, and an address belongs to one organisation only, so the invitation cannot be accepted with it. If you should see ${org.name} too, ask ${inviter.user.name} to invite another work address of yours.\n\nIf you did not expect this, you can ignore this mail; nothing about your account has changed.`,
            });
            return;
          }
          const url = `${portalOrigin()}/invitations/${encodeURIComponent(id)}`;
          await sendMail({
            to: email,
            subject: `${inviter.user.name} invited you to ${org.name} on Sightline`,
            text: `${inviter.user.name} invited you to see ${org.name}'s orders and service levels on Sightline.\n\nAccept within 7 days and choose your password:\n${url}`,
          });
        },
      }),
    ],
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const KEY = Symbol.for("sightline.auth");
type Holder = { [KEY]?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createAuth();
  return holder[KEY];
}
