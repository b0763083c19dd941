// Form schemas shared by the pages (client hints) and the actions (the real check).
import { z } from "zod";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254)
  .email("Enter a valid email address, like name@company.com.");

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(128, "That password is too long."),
  redirectTo: z.string().max(500).optional(),
});

export const newPasswordSchema = z
  .object({
    password: z.string().min(10, "Use at least 10 characters.").max(128, "Use at most 128 characters."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const forgotPasswordSchema = z.object({ email });

export const inviteSchema = z.object({
  email,
  role: z.enum(["customer_admin", "customer_viewer"], { message: "Choose a role." }),
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
