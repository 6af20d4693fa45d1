import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InviteForm } from "@/components/invite-form";
import { setUserDisabled, setUserNegotiations } from "@/app/admin/users/actions";
import { listUsers } from "@/lib/auth/accounts";
import { listNegotiations } from "@/lib/read/negotiations";
import { getViewer } from "@/lib/auth/viewer";
import { href } from "@/lib/params/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users", robots: { index: false } };

/** The administrators' page: every user, their role and negotiations, and a form to invite one. */
export default async function UsersPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("adminUsers", {}) }));
  if (viewer.role !== "admin")
    return (
      <>
        <h1>Users</h1>
        <p role="alert">Only an administrator can manage users.</p>
      </>
    );
  const users = await listUsers();
  const negotiations = (await listNegotiations()).map((n) => ({ slug: n.slug, title: n.title }));
  return (
    <>
      <h1>Users</h1>
      <table data-testid="users">
        <caption>Everyone who can sign in</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Negotiations</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>
                {u.role === "admin" ? (
                  "all"
                ) : (
                  <form action={setUserNegotiations} className="form">
                    <input type="hidden" name="userId" value={u.id} />
                    <fieldset>
                      <legend>Negotiations {u.name} may edit</legend>
                      {negotiations.map((n) => (
                        <label key={n.slug} className="choice">
                          <input type="checkbox" name="negotiation" value={n.slug} defaultChecked={u.negotiations.includes(n.slug)} />{" "}
                          {n.title}
                        </label>
                      ))}
                    </fieldset>
                    <button type="submit">Save for {u.name}</button>
                  </form>
                )}
              </td>
              <td>
                {u.disabledAt ? `Disabled since ${u.disabledAt.slice(0, 10)}` : u.mustChangePassword ? "Invited" : "Active"}
                {u.id === viewer.id ? null : (
                  <form action={setUserDisabled} className="inline-form">
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={u.disabledAt ? "false" : "true"} />
                    <button type="submit">
                      {u.disabledAt ? "Enable" : "Disable"} {u.name}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invite a user</h2>
      <InviteForm negotiations={negotiations} />
    </>
  );
}
