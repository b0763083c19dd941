// A host page may change its language after the widgets loaded (a language switch that sets
// `<html lang>` without a reload). One MutationObserver on the document element's `lang`, shared
// by every connected widget and disconnected when none is left, tells them; each re-renders if
// its language changed (a widget with its own `locale` attribute keeps it).

/** What the observer calls on each connected widget. */
export interface PageLangListener {
  pageLangChanged(): void;
}

const listeners = new Set<PageLangListener>();
let observer: MutationObserver | null = null;

/** Starts telling `l` about `<html lang>` changes (observing from the first widget on). */
export function followPageLang(l: PageLangListener): void {
  listeners.add(l);
  if (observer || typeof MutationObserver === "undefined") return;
  observer = new MutationObserver(() => {
    for (const x of [...listeners]) x.pageLangChanged();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
}

/** Stops telling `l`; the observer goes when the last widget does. */
export function unfollowPageLang(l: PageLangListener): void {
  listeners.delete(l);
  if (listeners.size || !observer) return;
  observer.disconnect();
  observer = null;
}

/** How many widgets follow, and whether the one observer is there (tests). */
export function pageLangFollowers(): { widgets: number; observing: boolean } {
  return { widgets: listeners.size, observing: observer !== null };
}
