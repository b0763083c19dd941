// zod compiles object parsers with `new Function` when it may; to find out, it tries once and
// catches the error. Under the portal's CSP (no 'unsafe-eval') that caught attempt still fires a
// `securitypolicyviolation` on every page that builds a schema in the browser. Telling zod up front
// that it runs without eval skips the attempt. zod reads this object when its core module loads,
// so it must exist before any route module imports zod: root.tsx imports this file first, and
// `.client` keeps it out of the server, where eval is allowed and the compiled parsers are faster.
const g = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
