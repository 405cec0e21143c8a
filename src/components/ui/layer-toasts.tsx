"use client";
// A modal <dialog> sits in the browser's top layer, above the page's toaster: a toast raised
// while it is open would be hidden behind the backdrop. A modal renders a LayerToaster inside
// itself, and toasts raised meanwhile carry its id (`toastLayer()`), so they show on top.
import { useEffect, useId } from "react";
import { useTheme } from "next-themes";
import { Toaster } from "sonner";

const open: string[] = [];

/** Options that route a toast to the top-most open modal's toaster, if any. */
export function toastLayer(): { toasterId?: string } {
  const id = open.at(-1);
  return id ? { toasterId: id } : {};
}

export function LayerToaster() {
  const id = `layer-${useId()}`;
  const { resolvedTheme } = useTheme();
  useEffect(() => {
    open.push(id);
    return () => {
      const at = open.lastIndexOf(id);
      if (at >= 0) open.splice(at, 1);
    };
  }, [id]);
  return <Toaster id={id} richColors closeButton position="bottom-right" theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}
