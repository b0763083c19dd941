// Every user with their account and role, and the switch that deactivates or reactivates them.
import { Form } from "@remix-run/react";
import { Button, Card, Table } from "../ui";
import type { AdminUserView } from "./views";
import { useT } from "#app/i18n/react";

export function UsersCard({ users, busy }: { users: readonly AdminUserView[]; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("admin.platform.users")}>
      <Table
        stacked
        className="mt-3"
        columns={[
          t("admin.platform.col.email"),
          t("admin.platform.col.account"),
          t("admin.platform.col.role"),
          { label: t("admin.platform.col.access"), srOnly: true },
        ]}
      >
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>{u.tenantName ?? t("admin.platform.staffAccount")}</td>
            <td>{u.role ? t("admin.platform.role", { role: u.role }) : null}</td>
            <td>
              <Form method="post">
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="intent" value={u.deactivatedAt ? "reactivate" : "deactivate"} />
                <Button
                  type="submit"
                  variant={u.deactivatedAt ? "secondary" : "ghost"}
                  disabled={busy}
                  aria-label={t("admin.platform.activateLabel", {
                    active: u.deactivatedAt ? "yes" : "no",
                    email: u.email,
                  })}
                >
                  {t("admin.platform.activate", { active: u.deactivatedAt ? "yes" : "no" })}
                </Button>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
