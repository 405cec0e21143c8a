import { Spinner } from "@/components/ui/misc";

export default function Loading() {
  return (
    <div className="flex min-h-48 items-center justify-center">
      <Spinner />
    </div>
  );
}
