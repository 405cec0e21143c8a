import { cn } from "@/lib/cn";

/** The product mark: a small rounded square with a signal glyph. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex size-7 shrink-0 items-center justify-center rounded-lg bg-indigo-600 text-white shadow-sm", className)} aria-hidden>
      <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 14a8 8 0 0 1 16 0" />
        <path d="M8 14a4 4 0 0 1 8 0" />
        <circle cx="12" cy="14" r="1.2" fill="currentColor" />
      </svg>
    </span>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <LogoMark />
      Mission Control
    </span>
  );
}
