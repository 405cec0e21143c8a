"use client";
import { useEffect, useState } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(Math.round(seconds / 60), "minute");
}

export const formatUtc = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

/** "5 minutes ago", with the exact UTC time on hover; re-renders every 30 s. */
export function RelativeTime({ value, className }: { value: Date | string; className?: string }) {
  const date = new Date(value);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    // The server renders with its own clock; the client's first render may differ by seconds.
    <time dateTime={date.toISOString()} title={formatUtc(date)} className={className} suppressHydrationWarning>
      {formatRelative(date, now)}
    </time>
  );
}
