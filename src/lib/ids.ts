import { createId } from "@paralleldrive/cuid2";

/** Row ids: cuid2 strings, safe in URLs and sortable by nothing (use createdAt for order). */
export const newId = (): string => createId();
