"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/misc";

export default function GroupsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState title="Board groups could not be loaded" action={<Button onClick={reset}>Try again</Button>}>
      Something went wrong on the server. If it keeps happening, the server log has the details.
    </EmptyState>
  );
}
