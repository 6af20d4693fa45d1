"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * A cell's page as a modal dialog over the matrix. Escape, the close button and the browser's Back
 * all go back in history (the address returns to the matrix with its filters), and focus returns
 * to the cell that opened it.
 */
export function CellDialog({ title, children }: { title: string; children: React.ReactNode }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // The dialog leaves when the address changes (Back, Escape, a link); the matrix cell gets focus again.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="cell-dialog"
      aria-label={title}
      data-testid="cell-dialog"
      onCancel={(event) => {
        event.preventDefault();
        router.back();
      }}
    >
      <button type="button" className="dialog-close" onClick={() => router.back()}>
        Close<span className="visually-hidden"> and return to the matrix</span>
      </button>
      {children}
    </dialog>
  );
}
