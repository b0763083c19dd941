// After a form submission comes back with errors, focus moves to the first invalid field, so a
// keyboard or screen-reader user lands where the problem is and hears the field, its error (the
// field's aria-describedby) and that it is invalid. One hook in the app shell serves every form,
// whether it navigates (<Form>) or posts through a fetcher (<fetcher.Form>, no navigation).
import { useFetchers, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

const INVALID = '[aria-invalid="true"]:not([disabled])';
const FIELD = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]";

export function useFocusFirstInvalid(): void {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const submission =
    (navigation.state !== "idle" && Boolean(navigation.formMethod)) ||
    fetchers.some((f) => f.state !== "idle" && Boolean(f.formMethod));
  const settled = navigation.state === "idle" && fetchers.every((f) => f.state === "idle");
  const form = useRef<HTMLFormElement | null>(null);
  const submitting = useRef(false);
  useEffect(() => {
    if (submission) {
      // The submit button (focused by the click or the Enter key) tells which form was sent.
      if (!submitting.current) form.current = document.activeElement?.closest("form") ?? null;
      submitting.current = true;
      return;
    }
    if (!settled || !submitting.current) return;
    submitting.current = false;
    const scope: ParentNode = form.current?.isConnected ? form.current : (document.getElementById("main") ?? document);
    form.current = null;
    const invalid = scope.querySelector<HTMLElement>(INVALID);
    // A group marked invalid (radio buttons) takes the focus on its first control.
    const first = invalid?.matches(FIELD) ? invalid : invalid?.querySelector<HTMLElement>(FIELD);
    if (invalid && first && !invalid.contains(document.activeElement)) first.focus();
  }, [submission, settled]);
}
