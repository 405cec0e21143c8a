"use client";
// A hand-built bar chart: one series of at most 90 integers needs no charting library (recharts
// would add ~100 kB of JS and its own a11y story). Bars are plain elements, so it scales with the
// layout and follows the theme through Tailwind; the numbers are also in a table for screen readers,
// and arrow keys move through the days for keyboard users.
import { useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";

type Day = { day: string; count: number };

// Days are UTC dates from the server; format them in UTC so server and browser render the same text.
const shortFmt = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longFmt = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

function niceMax(max: number): number {
  if (max <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return Math.ceil((m * step) / 4) * 4;
  return max;
}

export function CompletedChart({ days }: { days: Day[] }) {
  const [active, setActive] = useState<number | null>(null);
  const captionId = useId();
  const max = niceMax(Math.max(0, ...days.map((d) => d.count)));
  const ticks = [max, (max * 3) / 4, max / 2, max / 4, 0];
  const shown = active === null ? null : days[active];

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    const last = days.length - 1;
    const next =
      e.key === "ArrowLeft" ? Math.max(0, (active ?? last + 1) - 1)
      : e.key === "ArrowRight" ? Math.min(last, (active ?? -1) + 1)
      : e.key === "Home" ? 0
      : e.key === "End" ? last
      : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
  }

  return (
    <figure aria-labelledby={captionId}>
      <figcaption id={captionId} className="sr-only">
        Tasks completed per day over the last {days.length} days
      </figcaption>
      <div className="flex gap-2">
        {/* y axis */}
        <div className="flex h-40 flex-col justify-between text-right text-[10px] tabular-nums text-slate-400 dark:text-slate-500" aria-hidden>
          {ticks.map((t) => (
            <span key={t} className="-my-1.5 leading-3">
              {Number.isInteger(t) ? t : ""}
            </span>
          ))}
        </div>
        <div className="min-w-0 flex-1">
          <div
            tabIndex={0}
            role="group"
            aria-label="Completions per day. Use the left and right arrow keys to read each day."
            onKeyDown={onKey}
            onBlur={() => setActive(null)}
            onMouseLeave={() => setActive(null)}
            className="relative h-40 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500"
          >
            {/* grid lines */}
            <div className="pointer-events-none absolute inset-0 flex flex-col justify-between" aria-hidden>
              {ticks.map((t) => (
                <span key={t} className={cn("border-t", t === 0 ? "border-slate-300 dark:border-slate-700" : "border-dashed border-slate-200 dark:border-slate-800")} />
              ))}
            </div>
            <div className="absolute inset-0 flex items-end gap-[2px] sm:gap-1" aria-hidden>
              {days.map((d, i) => (
                <div key={d.day} className="group relative flex h-full flex-1 items-end justify-center" onMouseEnter={() => setActive(i)}>
                  <div
                    className={cn(
                      "relative z-[1] w-full max-w-6 rounded-t-[3px] transition-colors",
                      d.count === 0 ? "h-px bg-transparent" : active === i ? "bg-emerald-400 dark:bg-emerald-300" : "bg-emerald-500 dark:bg-emerald-500/90",
                      active === i && "ring-2 ring-emerald-300/60 dark:ring-emerald-400/40",
                    )}
                    style={d.count ? { height: `${Math.max(2, (d.count / max) * 100)}%` } : undefined}
                  />
                  {active === i ? <span className="absolute inset-0 rounded-sm bg-slate-100 dark:bg-slate-800/70" /> : null}
                </div>
              ))}
            </div>
            {shown ? (
              <div
                className="pointer-events-none absolute -top-2 z-10 -translate-x-1/2 -translate-y-full rounded-md bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow-lg dark:bg-white dark:text-slate-900"
                style={{ left: `${((active! + 0.5) / days.length) * 100}%` }}
              >
                <span className="font-semibold tabular-nums">{shown.count}</span> completed · {longFmt.format(asDate(shown.day))}
              </div>
            ) : null}
          </div>
          {/* x axis: a label every week, and today */}
          <div className="relative mt-1.5 h-4 text-[10px] text-slate-400 dark:text-slate-500" aria-hidden>
            {days.map((d, i) =>
              (days.length - 1 - i) % 7 === 0 ? (
                <span
                  key={d.day}
                  className={cn("absolute whitespace-nowrap", i === days.length - 1 ? "right-0" : "-translate-x-1/2")}
                  style={i === days.length - 1 ? undefined : { left: `${((i + 0.5) / days.length) * 100}%` }}
                >
                  {i === days.length - 1 ? "Today" : shortFmt.format(asDate(d.day))}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {shown ? `${longFmt.format(asDate(shown.day))}: ${shown.count} completed` : ""}
      </p>
      <table className="sr-only">
        <caption>Tasks completed per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Completed</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{longFmt.format(asDate(d.day))}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
