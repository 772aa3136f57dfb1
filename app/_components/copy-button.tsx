"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHydrated } from "./use-hydrated";
import { primaryActionButton } from "@/ui/button";

/**
 * Copies a text to the clipboard. Appears only with JavaScript; without it, the text is on the page
 * to select and copy by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("admin");
  const available = useHydrated();
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("copied"));
    } catch {
      // Old browsers and insecure origins: fall back to a hidden textarea and execCommand.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      setStatus(ok ? t("copied") : t("copyFailed"));
    }
    setTimeout(() => setStatus(""), 4000);
  }

  if (!available) return null;
  return (
    <span className="inline-flex items-center gap-3">
      <button type="button" onClick={copy} className={primaryActionButton}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
        {status}
      </span>
    </span>
  );
}
