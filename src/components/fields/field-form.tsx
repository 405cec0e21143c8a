"use client";
import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { FIELD_TYPES } from "@/lib/schemas/fields";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { OptionsEditor } from "./options-editor";
import type { FieldDef } from "./fields-settings";
import { FIELD_TYPE_LABELS } from "./labels";

type FieldType = (typeof FIELD_TYPES)[number];

/** The key is derived from the label until edited; it is what the API and agents use. */
const toKey = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 40);

export function FieldForm({ orgId, field, onClose }: { orgId: string; field: FieldDef | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requiredId = useId();
  const [label, setLabel] = useState(field?.label ?? "");
  const [key, setKey] = useState(field?.key ?? "");
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<FieldType>(field?.type ?? "text");
  const [required, setRequired] = useState(field?.required ?? false);
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [errors, setErrors] = useState<{ label?: string; key?: string; options?: string; form?: string }>({});

  const saved = (f: FieldDef) => {
    toast.success(field ? `Saved “${f.label}”` : `Created the field “${f.label}”. Choose its boards next.`);
    void queryClient.invalidateQueries({ queryKey: trpc.customFields.list.pathKey() });
    onClose();
  };
  const onError = (e: unknown) => setErrors({ form: errorMessage(e) });
  const create = useMutation(trpc.customFields.create.mutationOptions({ onSuccess: saved, onError }));
  const update = useMutation(trpc.customFields.update.mutationOptions({ onSuccess: saved, onError }));
  const busy = create.isPending || update.isPending;
  const effectiveKey = field ? field.key : keyEdited ? key : toKey(label);

  function submit() {
    const next: typeof errors = {};
    if (!label.trim()) next.label = "Give the field a label";
    if (!field && !/^[a-z][a-z0-9_]{0,39}$/.test(effectiveKey)) next.key = "Use lowercase letters, digits and underscores, starting with a letter";
    if (type === "select" && options.length === 0) next.options = "Add at least one option";
    setErrors(next);
    if (Object.keys(next).length) return;
    if (field) update.mutate({ orgId, fieldId: field.id, label: label.trim(), required, ...(type === "select" ? { options } : {}) });
    else create.mutate({ orgId, key: effectiveKey, label: label.trim(), type, required, options: type === "select" ? options : [] });
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Label" error={errors.label} hint="What people see on tasks.">
        {(id) => <Input id={id} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} autoFocus required placeholder="e.g. Customer" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Key" error={errors.key} hint={field ? "The key cannot change." : "Used by the API and agents."}>
          {(id) => (
            <Input
              id={id}
              value={effectiveKey}
              disabled={!!field}
              onChange={(e) => {
                setKeyEdited(true);
                setKey(e.target.value);
              }}
              maxLength={40}
              spellCheck={false}
              className="font-mono"
              placeholder="customer"
            />
          )}
        </Field>
        <Field label="Type" hint={field ? "The type cannot change." : undefined}>
          {(id) => (
            <Select id={id} value={type} disabled={!!field} onChange={(e) => setType(e.target.value as FieldType)}>
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {FIELD_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {type === "select" ? <OptionsEditor options={options} onChange={setOptions} error={errors.options} /> : null}
      <div className="flex items-start gap-3">
        <input id={requiredId} type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600" />
        <label htmlFor={requiredId} className="text-sm">
          <span className="font-medium">Required</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">Tasks on boards with this field must have a value.</span>
        </label>
      </div>
      {errors.form ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.form}
        </p>
      ) : null}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {field ? "Save" : "Create field"}
        </Button>
      </div>
    </form>
  );
}
