// Validates custom field values against their definitions and writes them.
import type { Tx } from "../../db/client";
import { badRequest } from "../../errors";

import type { FIELD_TYPES } from "@/lib/schemas/fields";

type FieldType = (typeof FIELD_TYPES)[number];

type Def = { id: string; label: string; type: string; required: boolean; options: string };
type Value = string | number | boolean | null;

function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function check(def: Def, value: Exclude<Value, null>): string | number | boolean {
  const wrong = (what: string) => badRequest(`"${def.label}" must be ${what}`);
  switch (def.type as FieldType) {
    case "text":
    case "long_text": {
      if (typeof value !== "string") throw wrong("text");
      const max = def.type === "text" ? 500 : 10_000;
      if (value.length > max) throw wrong(`at most ${max} characters`);
      return value;
    }
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw wrong("a number");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw wrong("true or false");
      return value;
    case "date":
      // Date.parse rolls 2025-02-30 over to March 2nd: the day must survive the round trip.
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) throw wrong("a date (YYYY-MM-DD)");
      return value;
    case "url": {
      if (typeof value !== "string") throw wrong("a URL");
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw wrong("a URL (https://…)");
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") throw wrong("an http(s) URL");
      return value;
    }
    case "select": {
      const options = JSON.parse(def.options) as string[];
      if (typeof value !== "string" || !options.includes(value)) throw wrong(`one of: ${options.join(", ")}`);
      return value;
    }
  }
}

/**
 * Applies `values` (field id → value, null clears) to a task. Only fields enabled on the board
 * are accepted; required fields must end up with a value (on create, every required field).
 */
export async function writeFieldValues(tx: Tx, boardId: string, taskId: string, values: Record<string, Value>, opts: { creating: boolean }) {
  const defs = await tx.customFieldDef.findMany({ where: { boards: { some: { boardId } } } });
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const id of Object.keys(values)) if (!byId.has(id)) throw badRequest(`Custom field ${id} is not enabled on this board`);
  const current = opts.creating ? new Map<string, string>() : new Map((await tx.taskFieldValue.findMany({ where: { taskId } })).map((v) => [v.fieldId, v.value]));
  for (const def of defs) {
    const given = Object.prototype.hasOwnProperty.call(values, def.id) ? values[def.id] : undefined;
    const empty = given === null || given === "";
    if (def.required && (empty || (given === undefined && !current.has(def.id)))) throw badRequest(`"${def.label}" is required`);
    if (given === undefined) continue;
    if (empty) {
      await tx.taskFieldValue.deleteMany({ where: { taskId, fieldId: def.id } });
      continue;
    }
    const value = JSON.stringify(check(def, given));
    await tx.taskFieldValue.upsert({ where: { taskId_fieldId: { taskId, fieldId: def.id } }, create: { taskId, fieldId: def.id, value }, update: { value } });
  }
}
