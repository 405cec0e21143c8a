import { cn } from "@/lib/cn";

export type AgentStatusName = "provisioning" | "online" | "offline" | "error" | "deleting";

const DOT: Record<AgentStatusName, string> = {
  online: "bg-emerald-500",
  offline: "bg-slate-400",
  provisioning: "bg-indigo-500 animate-pulse",
  error: "bg-red-500",
  deleting: "bg-amber-500 animate-pulse",
};
const LABEL: Record<AgentStatusName, string> = { online: "Online", offline: "Offline", provisioning: "Provisioning", error: "Error", deleting: "Deleting" };

export function AgentStatus({ status, className }: { status: AgentStatusName; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <span className={cn("size-2.5 shrink-0 rounded-full", DOT[status])} aria-hidden />
      {LABEL[status]}
    </span>
  );
}
