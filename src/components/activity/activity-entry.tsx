import Link from "next/link";
import { Badge } from "@/components/ui/misc";
import { cn } from "@/lib/cn";
import { RelativeTime } from "./relative-time";

export type ActivityItem = {
  id: string;
  boardId: string | null;
  actorKind: string;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  diff: Record<string, { before?: unknown; after?: unknown }>;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
};

const KIND: Record<string, { label: string; tone: "slate" | "indigo" | "amber" | "green" }> = {
  user: { label: "user", tone: "indigo" },
  api_token: { label: "API token", tone: "amber" },
  agent: { label: "agent", tone: "green" },
  system: { label: "system", tone: "slate" },
};

function verbTone(action: string): string {
  const verb = action.split(".").at(-1) ?? "";
  if (/created|added|accepted|approved/.test(verb)) return "bg-emerald-500";
  if (/deleted|removed|revoked|rejected/.test(verb)) return "bg-red-500";
  if (/moved|reordered/.test(verb)) return "bg-indigo-500";
  return "bg-amber-500";
}

/** Values are shown as text only: strings verbatim, everything else as JSON. */
function DiffValue({ value, side }: { value: unknown; side: "before" | "after" }) {
  const empty = value === null || value === undefined || value === "";
  const text = empty ? (value === "" ? "(empty)" : "—") : typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <div
      className={cn(
        "max-h-40 overflow-auto rounded px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap",
        side === "before" ? "bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200" : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200",
        empty && "italic opacity-70",
      )}
    >
      <span className="sr-only">{side}: </span>
      {text}
    </div>
  );
}

export function ActivityEntry({ item, boardName, boardHref }: { item: ActivityItem; boardName?: string; boardHref?: string }) {
  const kind = KIND[item.actorKind] ?? { label: item.actorKind, tone: "slate" as const };
  const isEmpty = (v: unknown) => v === null || v === undefined;
  // null → null carries no information (a create listing optional fields it left unset).
  const fields = Object.entries(item.diff ?? {}).filter(([, c]) => !(isEmpty(c.before) && isEmpty(c.after)));
  // Creates have no "before" and deletes no "after": show one column of values then.
  const sides: ("before" | "after")[] = fields.every(([, c]) => isEmpty(c.before)) ? ["after"] : fields.every(([, c]) => isEmpty(c.after)) ? ["before"] : ["before", "after"];
  return (
    <li className="relative flex gap-3 py-4 pl-1">
      <span className={cn("mt-1.5 size-2.5 shrink-0 rounded-full ring-4 ring-white dark:ring-slate-950", verbTone(item.action))} aria-hidden />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium text-slate-900 dark:text-slate-100">{item.actorName ?? "Unknown"}</span>
          <Badge tone={kind.tone}>{kind.label}</Badge>
          <span className="text-slate-400 dark:text-slate-500" aria-hidden>
            ·
          </span>
          <RelativeTime value={item.createdAt} className="text-slate-500 dark:text-slate-400" />
        </div>
        <p className="mt-1 text-sm break-words text-slate-700 dark:text-slate-300">{item.summary}</p>
        {item.reason ? <p className="mt-1 text-sm text-slate-600 italic dark:text-slate-400">Reason: {item.reason}</p> : null}
        {fields.length > 0 ? (
          <details className="group mt-2">
            <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-xs font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400 [&::-webkit-details-marker]:hidden">
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5 transition-transform group-open:rotate-90" aria-hidden>
                <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0Z" />
              </svg>
              {fields.length === 1 ? "1 field" : `${fields.length} fields`} {sides.length === 2 ? "changed" : sides[0] === "after" ? "set" : "removed"}
            </summary>
            <table className="mt-2 w-full table-fixed border-separate border-spacing-y-1 text-left">
              <thead className="text-xs text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="w-36 font-medium">
                    Field
                  </th>
                  {sides.length === 2 ? (
                    <>
                      <th scope="col" className="font-medium">
                        Before
                      </th>
                      <th scope="col" className="w-6" aria-hidden />
                      <th scope="col" className="font-medium">
                        After
                      </th>
                    </>
                  ) : (
                    <th scope="col" className="font-medium">
                      {sides[0] === "after" ? "Value" : "Value before"}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {fields.map(([field, change]) => (
                  <tr key={field} className="align-top">
                    <th scope="row" className="pt-1 pr-2 font-mono text-xs font-medium break-words text-slate-600 dark:text-slate-300">
                      {field}
                    </th>
                    {sides.length === 2 ? (
                      <>
                        <td>
                          <DiffValue value={change.before} side="before" />
                        </td>
                        <td className="pt-1 text-center text-xs text-slate-400" aria-hidden>
                          →
                        </td>
                        <td>
                          <DiffValue value={change.after} side="after" />
                        </td>
                      </>
                    ) : (
                      <td>
                        <DiffValue value={sides[0] === "after" ? change.after : change.before} side={sides[0]} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
        <p className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-[11px] text-slate-400 dark:text-slate-500">
          {boardName && boardHref ? (
            <Link href={boardHref} className="rounded hover:text-slate-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-300">
              {boardName}
            </Link>
          ) : null}
          <span className="font-mono">{item.action}</span>
          {item.requestId ? <span>request <span className="font-mono">{item.requestId}</span></span> : null}
          {item.ip ? <span>IP <span className="font-mono">{item.ip}</span></span> : null}
        </p>
      </div>
    </li>
  );
}
