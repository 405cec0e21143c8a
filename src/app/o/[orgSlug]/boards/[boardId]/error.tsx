"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/misc";

export default function BoardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { orgSlug } = useParams<{ orgSlug: string }>();
  return (
    <EmptyState
      title="This board could not be loaded"
      action={
        <div className="flex gap-2">
          <Button onClick={reset}>Try again</Button>
          <Link href={`/o/${orgSlug}`} className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-slate-700 hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800">
            Back to boards
          </Link>
        </div>
      }
    >
      Something went wrong on the server. If it keeps happening, the server log has the details.
    </EmptyState>
  );
}
