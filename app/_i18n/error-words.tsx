"use client";
/**
 * The words of the error page (a client component that Next renders in place of a failed page). They
 * come from the server through this small context rather than next-intl's client provider, so pages
 * that need no other translated script (the wait page) carry no i18n framework.
 */
import { createContext, useContext } from "react";
import type { ReactNode } from "react";

export interface ErrorWords {
  title: string;
  text: string;
  retry: string;
}

const Words = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error("useErrorWords outside ErrorWordsProvider");
  return words;
}
