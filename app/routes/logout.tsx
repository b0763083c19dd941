import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { accountCookie } from "../server/auth/guards.server";
import { signOut } from "../server/auth/sign-in.server";
import { assertSameOrigin } from "../server/http/csrf.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const headers = await signOut(request);
  headers.append("Set-Cookie", await accountCookie.serialize("", { maxAge: 0 }));
  throw redirect("/login", { headers });
}
