import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getPrincipal } from "../server/auth/guards.server";
import { landingPath } from "../server/auth/landing.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  throw redirect(principal ? landingPath(principal) : "/login");
}
