import Link from "next/link";
import { mayEditSlug } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { href } from "@/lib/params/urls";

/** For an editor of this negotiation: where to import a file. Readers see nothing. */
export async function EditorLinks({ slug }: { slug: string }) {
  if (!(await mayEditSlug(await getViewer(), slug))) return null;
  return (
    <p className="editor-links">
      You can edit this negotiation: open a cell and choose “Edit this position”,{" "}
      <Link href={href("import", { slug })}>import a file of positions</Link>, or{" "}
      <Link href={href("structure", { slug })}>add and edit its issues, parties and events</Link>.
    </p>
  );
}
