"use client";
import { useEffect, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { cn } from "@/lib/cn";
import { Logo } from "./logo";
import { OrgSwitcher, type ShellOrg } from "./org-switcher";
import { ThemeToggle } from "./theme-toggle";
import { AgentIcon } from "@/components/agents/agent-icon";
import { GatewayIcon } from "@/components/gateways/gateway-icon";
import { ActivityIcon, BoardsIcon, CloseIcon, DashboardIcon, DocsIcon, GroupsIcon, ExternalIcon, MenuIcon, SettingsIcon, SignOutIcon } from "./icons";

type ShellUser = { name: string; email: string | null };

/** The frame of every org page: a sidebar on wide screens, a top bar with a drawer on small ones. */
export function AppShell({ orgs, current, user, children }: { orgs: ShellOrg[]; current: ShellOrg; user: ShellUser; children: ReactNode }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setDrawerOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawerOpen]);

  return (
    <div className="min-h-screen md:pl-64">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>

      {/* Small screens: a top bar; the sidebar opens as a drawer. */}
      <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:hidden dark:border-slate-800 dark:bg-slate-950/90">
        <button
          type="button"
          onClick={() => setDrawerOpen(true)}
          aria-label="Open navigation"
          aria-expanded={drawerOpen}
          className="-ml-1.5 rounded-md p-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <MenuIcon />
        </button>
        <Logo className="text-sm" />
        <span className="ml-auto truncate text-sm text-slate-500 dark:text-slate-400">{current.name}</span>
      </header>

      {drawerOpen ? <div className="fixed inset-0 z-40 bg-slate-950/50 md:hidden" onClick={() => setDrawerOpen(false)} aria-hidden /> : null}

      <aside
        aria-label="Sidebar"
        className={cn(
          "fixed inset-y-0 left-0 z-50 flex w-64 flex-col border-r border-slate-200 bg-slate-50 transition-transform dark:border-slate-800 dark:bg-slate-950",
          drawerOpen ? "translate-x-0 shadow-xl" : "-translate-x-full md:translate-x-0",
          // Off-screen on small screens: keep it out of the tab order too.
          !drawerOpen && "max-md:invisible",
        )}
      >
        <div className="flex h-14 items-center justify-between px-4">
          <Link href={`/o/${current.slug}`} className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
            <Logo className="text-sm" />
          </Link>
          <button
            type="button"
            onClick={() => setDrawerOpen(false)}
            aria-label="Close navigation"
            className="rounded-md p-1 text-slate-500 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 md:hidden dark:hover:bg-slate-800"
          >
            <CloseIcon />
          </button>
        </div>
        <div className="px-3 pb-3">
          <OrgSwitcher orgs={orgs} current={current} />
        </div>
        <NavLinks slug={current.slug} pathname={pathname} />
        <div className="mt-auto border-t border-slate-200 p-3 dark:border-slate-800">
          <div className="flex items-center gap-2.5 px-1">
            <span
              aria-hidden
              className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold uppercase text-slate-700 dark:bg-slate-800 dark:text-slate-200"
            >
              {initials(user.name)}
            </span>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">{user.name}</p>
              {user.email ? <p className="truncate text-xs text-slate-500 dark:text-slate-400">{user.email}</p> : null}
            </div>
          </div>
          <div className="mt-3 flex items-center justify-between gap-2">
            <ThemeToggle />
            <button
              type="button"
              onClick={() => signOut({ callbackUrl: "/signin" })}
              className="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-200/70 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
            >
              <SignOutIcon />
              Sign out
            </button>
          </div>
        </div>
      </aside>

      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
        {children}
      </main>
    </div>
  );
}

function NavLinks({ slug, pathname }: { slug: string; pathname: string }) {
  const base = `/o/${slug}`;
  const items = [
    { href: `${base}/dashboard`, label: "Dashboard", Icon: DashboardIcon, active: pathname.startsWith(`${base}/dashboard`) },
    { href: base, label: "Boards", Icon: BoardsIcon, active: pathname === base || pathname.startsWith(`${base}/boards`) },
    { href: `${base}/groups`, label: "Groups", Icon: GroupsIcon, active: pathname.startsWith(`${base}/groups`) },
    { href: `${base}/agents`, label: "Agents", Icon: AgentIcon, active: pathname.startsWith(`${base}/agents`) },
    { href: `${base}/gateways`, label: "Gateways", Icon: GatewayIcon, active: pathname.startsWith(`${base}/gateways`) },
    { href: `${base}/activity`, label: "Activity", Icon: ActivityIcon, active: pathname.startsWith(`${base}/activity`) },
    { href: `${base}/settings`, label: "Settings", Icon: SettingsIcon, active: pathname.startsWith(`${base}/settings`) },
  ];
  const itemClass =
    "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500";
  return (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-3">
      <ul className="space-y-0.5">
        {items.map(({ href, label, Icon, active }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                itemClass,
                active
                  ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200 dark:bg-slate-800/80 dark:text-white dark:ring-slate-700"
                  : "text-slate-600 hover:bg-slate-200/60 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800/60 dark:hover:text-slate-100",
              )}
            >
              <Icon className={cn("size-4 shrink-0", active ? "text-indigo-600 dark:text-indigo-400" : "")} />
              {label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mb-1 mt-6 px-2.5 text-[11px] font-medium uppercase tracking-wider text-slate-400 dark:text-slate-500">Developers</p>
      <ul>
        <li>
          <a
            href="/api/docs"
            target="_blank"
            rel="noopener"
            className={cn(itemClass, "text-slate-600 hover:bg-slate-200/60 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800/60 dark:hover:text-slate-100")}
          >
            <DocsIcon />
            API docs
            <ExternalIcon className="ml-auto size-3 text-slate-400" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}
