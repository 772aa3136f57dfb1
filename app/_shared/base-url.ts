import { headers } from "next/headers";
import { getConfig } from "@/lib/env";
import { requestBaseUrl } from "@/lib/request";

/** The address links start with, for pages and route handlers. */
export async function baseUrl(): Promise<string> {
  return requestBaseUrl(await headers(), getConfig().PUBLIC_URL);
}
