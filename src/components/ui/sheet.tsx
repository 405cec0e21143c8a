"use client";
import type { ReactNode } from "react";
import { LayerToaster } from "./layer-toasts";
import { useModalDialog } from "./use-modal-dialog";

/**
 * A side panel on the native modal <dialog> (focus trap, Escape and backdrop for free), for
 * detail views that keep the page visible beside them.
 */
export function Sheet({ open, onClose, label, children }: { open: boolean; onClose: () => void; label: string; children: ReactNode }) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(e) => {
        // Escape closes via onClose once; prevent the browser's own close so React state stays the source of truth.
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-label={label}
      className="m-0 ml-auto h-dvh max-h-none w-full max-w-3xl border-l border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <>
          {children}
          <LayerToaster />
        </>
      ) : null}
    </dialog>
  );
}
