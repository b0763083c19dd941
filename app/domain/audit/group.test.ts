import { describe, expect, it } from "vitest";
import { type ActorKind, groupMachineActivity } from "./group";

const entry = (id: number, actorKind: ActorKind) => ({ id, actorKind });

describe("grouping machine activity in an audit trail", () => {
  it("folds consecutive integration and system entries into one item, keeping people's entries apart", () => {
    const rows = [
      entry(1, "integration"),
      entry(2, "integration"),
      entry(3, "system"),
      entry(4, "staff"),
      entry(5, "integration"),
      entry(6, "integration"),
      entry(7, "customer"),
    ];
    const items = groupMachineActivity(rows);
    expect(items.map((i) => (i.kind === "entry" ? i.row.id : i.rows.map((r) => r.id)))).toEqual([
      [1, 2, 3],
      4,
      [5, 6],
      7,
    ]);
  });

  it("leaves a lone machine entry as it is", () => {
    const items = groupMachineActivity([entry(1, "staff"), entry(2, "system"), entry(3, "customer")]);
    expect(items.map((i) => i.kind)).toEqual(["entry", "entry", "entry"]);
  });

  it("keeps every entry exactly once and in order", () => {
    const kinds: ActorKind[] = ["customer", "staff", "integration", "system"];
    const rows = Array.from({ length: 40 }, (_, i) => entry(i, kinds[(i * 7) % 4 === 0 ? 2 : (i * 3) % 4]));
    const flat = groupMachineActivity(rows).flatMap((i) => (i.kind === "entry" ? [i.row] : i.rows));
    expect(flat).toEqual(rows);
  });

  it("groups nothing in an empty trail", () => {
    expect(groupMachineActivity([])).toEqual([]);
  });
});
