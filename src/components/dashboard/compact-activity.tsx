import Link from "next/link";
import { cn } from "@/lib/cn";
import { RelativeTime } from "@/components/activity/relative-time";

type Item = { id: string; boardId: string | null; actorName: string | null; action: string; summary: string; createdAt: Date };

function verbDot(action: string): string {
  const verb = action.split(".").at(-1) ?? "";
  if (/created|added|accepted|approved/.test(verb)) return "bg-emerald-500";
  if (/deleted|removed|revoked|rejected/.test(verb)) return "bg-red-500";
  if (/moved|reordered/.test(verb)) return "bg-indigo-500";
  return "bg-amber-500";
}

/** A short timeline: who did what, when, on which board. The full story is on the Activity page. */
export function CompactActivity({ items, orgSlug, boardNames }: { items: Item[]; orgSlug: string; boardNames: Map<string, string> }) {
  return (
    <ol className="relative space-y-0">
      {items.map((item, i) => {
        const boardName = item.boardId ? boardNames.get(item.boardId) : undefined;
        return (
          <li key={item.id} className="relative flex gap-3 pb-4 last:pb-0">
            {i < items.length - 1 ? <span className="absolute top-3 bottom-0 left-[4px] w-px bg-slate-200 dark:bg-slate-800" aria-hidden /> : null}
            <span className={cn("relative mt-1.5 size-[9px] shrink-0 rounded-full ring-4 ring-white dark:ring-slate-900", verbDot(item.action))} aria-hidden />
            <div className="min-w-0 flex-1 text-sm">
              <p className="break-words text-slate-700 dark:text-slate-300">{item.summary}</p>
              <p className="mt-0.5 flex flex-wrap gap-x-1.5 text-xs text-slate-500 dark:text-slate-400">
                <span className="font-medium text-slate-600 dark:text-slate-300">{item.actorName ?? "Unknown"}</span>
                <span aria-hidden>·</span>
                <RelativeTime value={item.createdAt} />
                {boardName && item.boardId ? (
                  <>
                    <span aria-hidden>·</span>
                    <Link
                      href={`/o/${orgSlug}/boards/${item.boardId}`}
                      className="truncate rounded hover:text-slate-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-200"
                    >
                      {boardName}
                    </Link>
                  </>
                ) : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
