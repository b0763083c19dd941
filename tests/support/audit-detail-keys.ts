// Every detail key the code can write into the audit trail, read from the code with the TypeScript
// checker (not a list kept by hand): the `detail` of each recordAudit / recordAuthEvent call, the
// argument of each function that passes its parameter on as `detail` (the escalation and protocol
// `audit(...)` helpers), and the `detail` of rows the seed inserts into audit_log directly. Each
// written value's type is expanded (spreads, variables, unions), so a key added anywhere shows up.
// A writer whose detail type cannot be listed (Record<string, unknown>) is reported, not skipped.
import path from "node:path";
import ts from "typescript";

export interface AuditDetailKeys {
  /** key -> the places that write it ("app/server/x.server.ts:12"). */
  keys: Map<string, string[]>;
  /** Places whose detail type has no listable keys (an index signature or `any`). */
  opaque: string[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITERS = new Set(["recordAudit", "recordAuthEvent"]);

export function auditDetailKeys(): AuditDetailKeys {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // The code that writes: the portal's services and the seed (tests and benches write test data).
  const files = parsed.fileNames.filter((f) => /\/(app|db)\//.test(f) && !/\.test\.tsx?$/.test(f));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const keys = new Map<string, string[]>();
  const opaque: string[] = [];

  const where = (n: ts.Node) => {
    const sf = n.getSourceFile();
    return `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };
  const calleeName = (call: ts.CallExpression): ts.Declaration | undefined => {
    let sym = checker.getSymbolAtLocation(call.expression);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    return sym?.declarations?.[0];
  };
  const detailOf = (arg: ts.Expression | undefined): ts.Expression | undefined => {
    if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
    for (const p of arg.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText() === "detail") return p.initializer;
      if (ts.isShorthandPropertyAssignment(p) && p.name.getText() === "detail") return p.name;
    }
    return undefined;
  };
  const addType = (type: ts.Type, at: ts.Node) => {
    if (type.isUnion()) {
      for (const t of type.types) addType(t, at);
      return;
    }
    if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return;
    if (type.flags & ts.TypeFlags.Any || checker.getIndexInfosOfType(type).length > 0) {
      opaque.push(where(at));
      return;
    }
    for (const p of checker.getPropertiesOfType(type)) {
      const list = keys.get(p.name) ?? [];
      list.push(where(at));
      keys.set(p.name, list);
    }
  };
  const add = (expr: ts.Expression) => addType(checker.getTypeAtLocation(expr), expr);

  // Pass 1: functions that hand one of their parameters on as a write's `detail`.
  const wrappers = new Map<ts.Declaration, number>();
  const isWriter = (call: ts.CallExpression) => {
    const d = calleeName(call);
    return !!d && ts.isFunctionDeclaration(d) && !!d.name && WRITERS.has(d.name.text);
  };
  const visitWrappers = (n: ts.Node) => {
    if (ts.isCallExpression(n) && isWriter(n)) {
      const detail = detailOf(n.arguments[1] ?? n.arguments[0]);
      const fn = ts.findAncestor(n, ts.isFunctionLike);
      if (detail && fn && ts.isIdentifier(detail)) {
        const index = fn.parameters.findIndex((p) => p.name.getText() === detail.text);
        if (index >= 0) wrappers.set(fn, index);
      }
    }
    ts.forEachChild(n, visitWrappers);
  };
  // Pass 2: every write, through a writer, a wrapper or an insert into audit_log.
  const visitWrites = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const d = calleeName(n);
      if (isWriter(n)) {
        const detail = detailOf(n.arguments[1] ?? n.arguments[0]);
        const fn = ts.findAncestor(n, ts.isFunctionLike);
        const passedOn = detail && fn && wrappers.has(fn) && ts.isIdentifier(detail);
        if (detail && !passedOn) add(detail);
      } else if (d && wrappers.has(d)) {
        const arg = n.arguments[wrappers.get(d)!];
        if (arg) add(arg);
      } else if (
        // The writers' own insert (its detail is whatever their callers passed) is not a write site.
        !ts.findAncestor(n, (a) => ts.isFunctionDeclaration(a) && !!a.name && WRITERS.has(a.name.text)) &&
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === "values" &&
        /\binsert\(\s*auditLog\s*\)/.test(n.expression.expression.getText())
      ) {
        const rows = checker.getTypeAtLocation(n.arguments[0]);
        const element = checker.isArrayType(rows) ? checker.getTypeArguments(rows as ts.TypeReference)[0] : rows;
        const detail = element.getProperty("detail");
        if (detail) addType(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(detail, n)), n);
      }
    }
    ts.forEachChild(n, visitWrites);
  };
  const sources = program.getSourceFiles().filter((sf) => files.includes(sf.fileName));
  for (const sf of sources) visitWrappers(sf);
  for (const sf of sources) visitWrites(sf);
  return { keys, opaque };
}
