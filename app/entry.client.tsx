import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { CatalogueContext, catalogueOfDocument } from "./i18n/catalogue-context";

// The page's message catalogue comes as its own cacheable file, not inside every page's data:
// loaded (usually from the preload or the HTTP cache) before hydration, so the first browser
// render has the same text as the server's.
void catalogueOfDocument(document).then((catalogue) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <CatalogueContext.Provider value={catalogue}>
          <RemixBrowser />
        </CatalogueContext.Provider>
      </StrictMode>,
    );
  });
});
