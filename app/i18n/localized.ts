// A text a service hands to a page without knowing the reader's language: the catalogue id and its
// values, translated where it is shown (`t(msg.id, msg.values)`). Serialisable, so actions return it.
import type { MessageId } from "./catalogue";

export interface Localized {
  id: MessageId;
  values?: Record<string, string | number>;
}

export function localized(id: MessageId, values?: Record<string, string | number>): Localized {
  return values ? { id, values } : { id };
}
