"use client";
// A modal <dialog> sits in the browser's top layer, above the page's toaster: a toast raised
// while it is open would be hidden behind the backdrop. So exactly one toaster renders at a
// time: the top-most open modal's (inside it, hence in the top layer), else the page's.
import { useEffect, useId, useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { Toaster } from "sonner";

const open: string[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));
const topLayer = () => open.at(-1) ?? null;

function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster richColors closeButton position="bottom-right" theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}

/** The page's toaster; steps aside while a modal shows its own. */
export function PageToaster() {
  const top = useSyncExternalStore(subscribe, topLayer, () => null);
  return top ? null : <ThemedToaster />;
}

/** Rendered inside a modal: shows the toasts while it is the top-most open modal. */
export function LayerToaster() {
  const id = `layer-${useId()}`;
  const top = useSyncExternalStore(subscribe, topLayer, () => null);
  useEffect(() => {
    open.push(id);
    notify();
    return () => {
      const at = open.lastIndexOf(id);
      if (at >= 0) open.splice(at, 1);
      notify();
    };
  }, [id]);
  return top === id ? <ThemedToaster /> : null;
}
