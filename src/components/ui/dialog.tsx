"use client";
import type { ReactNode } from "react";
import { LayerToaster } from "./layer-toasts";
import { useModalDialog } from "./use-modal-dialog";

/** A modal on the native <dialog>: focus trapping, Escape and the backdrop come for free. */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-label={title}
      className="m-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <div className="p-6">
          <h2 className="mb-4 text-lg font-semibold">{title}</h2>
          {children}
          <LayerToaster />
        </div>
      ) : null}
    </dialog>
  );
}
