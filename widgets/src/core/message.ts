// The ICU subset the widget messages use — `{name}`, `{n, plural, =0 {…} one {# …} other {…}}`,
// `{x, select, a {…} other {…}}`, nested — in a few hundred bytes instead of intl-messageformat's
// ten kilobytes. message.test.ts formats every widget message in every locale with both and
// fails when they differ (so a message this cannot read fails there, not on a customer's page).
export type MessageValues = Record<string, string | number>;

export function formatMessage(source: string, values: MessageValues, intlLocale: string): string {
  let i = 0;
  const num = (n: number) => new Intl.NumberFormat(intlLocale).format(n);
  const text = (hash?: number): string => {
    let out = "";
    while (i < source.length && source[i] !== "}") {
      const c = source[i++];
      out += c === "{" ? arg() : c === "#" && hash !== undefined ? num(hash) : c;
    }
    return out;
  };
  const word = (): string => {
    const m = /^\s*([^\s,{}]+)\s*/.exec(source.slice(i)) as RegExpExecArray;
    i += m[0].length;
    return m[1];
  };
  const arg = (): string => {
    const name = word();
    const value = values[name];
    if (source[i++] === "}") return typeof value === "number" ? num(value) : String(value ?? `{${name}}`);
    const kind = word();
    i++; // the comma after plural/select
    const n = Number(value);
    const branches: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(source[i])) i++;
      if (source[i++] === "}") break;
      i--;
      const key = word();
      i++; // {
      branches[key] = text(kind === "plural" ? n : undefined);
      i++; // }
    }
    const pick =
      kind === "plural"
        ? (branches[`=${n}`] ?? branches[new Intl.PluralRules(intlLocale).select(n)])
        : branches[String(value)];
    return pick ?? branches.other ?? "";
  };
  return text();
}
