// After a form submission comes back with errors, focus moves to the first invalid field, so a
// keyboard or screen-reader user lands where the problem is and hears the field, its error (the
// field's aria-describedby) and that it is invalid. One hook in the app shell serves every form.
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

const INVALID = '[aria-invalid="true"]:not([disabled])';

export function useFocusFirstInvalid(): void {
  const navigation = useNavigation();
  const form = useRef<HTMLFormElement | null>(null);
  const submitting = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" && navigation.formMethod) {
      // The submit button (focused by the click or the Enter key) tells which form was sent.
      if (!submitting.current) form.current = document.activeElement?.closest("form") ?? null;
      submitting.current = true;
      return;
    }
    if (navigation.state !== "idle" || !submitting.current) return;
    submitting.current = false;
    const scope: ParentNode = form.current?.isConnected ? form.current : (document.getElementById("main") ?? document);
    form.current = null;
    const first = scope.querySelector<HTMLElement>(INVALID);
    if (first && !first.contains(document.activeElement)) first.focus();
  }, [navigation.state, navigation.formMethod]);
}
