import type { FIELD_TYPES } from "@/lib/schemas/fields";

export const FIELD_TYPE_LABELS: Record<(typeof FIELD_TYPES)[number], string> = {
  text: "Text",
  long_text: "Long text",
  number: "Number",
  boolean: "Yes / no",
  date: "Date",
  url: "Link (URL)",
  select: "Single select",
};
