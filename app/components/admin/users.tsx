// Every user with their account and role, and the switch that deactivates or reactivates them.
import { Form } from "@remix-run/react";
import { Button, Card, Table } from "../ui";
import type { AdminUserView } from "./views";

export function UsersCard({ users, busy }: { users: readonly AdminUserView[]; busy: boolean }) {
  return (
    <Card title="Users">
      <Table stacked className="mt-3" columns={["Email", "Account", "Role", { label: "Access", srOnly: true }]}>
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>{u.tenantName ?? "Sightline staff"}</td>
            <td>{u.role?.replace("_", " ")}</td>
            <td>
              <Form method="post">
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="intent" value={u.deactivatedAt ? "reactivate" : "deactivate"} />
                <Button
                  type="submit"
                  variant={u.deactivatedAt ? "secondary" : "ghost"}
                  disabled={busy}
                  aria-label={`${u.deactivatedAt ? "Reactivate" : "Deactivate"} ${u.email}`}
                >
                  {u.deactivatedAt ? "Reactivate" : "Deactivate"}
                </Button>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
