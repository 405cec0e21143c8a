import { Badge } from "@/components/ui/misc";
import type { Task } from "@/lib/schemas/tasks";

const TONE = { urgent: "red", high: "amber", medium: "indigo", low: "slate" } as const;
export const PRIORITY_LABELS: Record<Task["priority"], string> = { urgent: "Urgent", high: "High", medium: "Medium", low: "Low" };

export function PriorityBadge({ priority }: { priority: Task["priority"] }) {
  return <Badge tone={TONE[priority] ?? "slate"}>{PRIORITY_LABELS[priority] ?? priority}</Badge>;
}
