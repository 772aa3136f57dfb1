import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findByAdminId } from "@/lib/conferences";
import { formatStartWithZone } from "@/lib/conferences/describe";
import { nameFromLink } from "@/lib/conferences/name";
import { visitorLookUp } from "../../../_shared/visitor";
import { DeleteForm } from "./delete-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delete the conference", robots: { index: false, follow: false } };

/** The confirmation step: a page of its own, so it works without JavaScript. */
export default async function DeletePage({ params, searchParams }: PageProps<"/a/[adminId]/delete">) {
  const { adminId } = await params;
  const name = nameFromLink((await searchParams).n);
  const conference = await visitorLookUp(() => findByAdminId(adminId));
  if (!conference) notFound();
  const back = `/a/${adminId}${name ? `?${new URLSearchParams({ n: name })}` : ""}`;
  return (
    <div className="space-y-6">
      <h1 className="break-words text-3xl font-bold tracking-tight">Delete {name ? `“${name}”` : "this conference"}?</h1>
      <p>
        The conference on {formatStartWithZone(conference.startsAt, conference.timeZone)}
        {conference.repeat ? " and all its later meetings" : ""} will be deleted. The invitation link stops working; this cannot be undone.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <DeleteForm adminId={adminId} />
        <a href={back} className="inline-flex min-h-12 items-center justify-center rounded-lg px-5 py-3 font-semibold underline">
          No, keep it
        </a>
      </div>
    </div>
  );
}
