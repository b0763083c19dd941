// Form schemas shared by the pages (client hints) and the actions (the real check). Their messages
// are catalogue ids the page translates (useTMaybe).
import { z } from "zod";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "auth.error.emailRequired")
  .max(254)
  .email("auth.error.emailInvalid");

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "auth.error.passwordRequired").max(128, "auth.error.passwordTooLong"),
  redirectTo: z.string().max(500).optional(),
});

export const newPasswordSchema = z
  .object({
    password: z.string().min(10, "auth.error.passwordShort").max(128, "auth.error.passwordLong"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth.error.passwordMismatch" });

export const forgotPasswordSchema = z.object({ email });

export const inviteSchema = z.object({
  email,
  role: z.enum(["customer_admin", "customer_viewer"], { message: "auth.error.role" }),
});

export type FieldErrors = Record<string, string>;

/** First message per field, for showing next to inputs. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
