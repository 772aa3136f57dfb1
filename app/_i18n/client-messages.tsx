/**
 * Gives client components the messages they use, and only those: every page would otherwise carry
 * the whole message file in its HTML, which phones on slow networks pay for.
 */
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick";
import type { Tree } from "@/lib/i18n/pick";

export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Tree;
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages, paths)}>
      {children}
    </NextIntlClientProvider>
  );
}
