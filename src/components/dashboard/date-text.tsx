"use client";
// Due dates are instants; they are shown in the viewer's time zone. The server renders with its
// own zone first, so hydration may differ in the text; suppress only that warning.
const dateFmt = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", year: "numeric" });

export function DateText({ value, className }: { value: Date; className?: string }) {
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className={className} suppressHydrationWarning>
      {dateFmt.format(date)}
    </time>
  );
}

/** "3 days overdue" from whole days between now and the due time. */
export function overdueText(dueAt: Date, now = Date.now()): string {
  const days = Math.floor((now - new Date(dueAt).getTime()) / 86_400_000);
  return days <= 0 ? "Overdue today" : days === 1 ? "1 day overdue" : `${days} days overdue`;
}
