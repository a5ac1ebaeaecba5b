import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The specifiers a file imports at run time: `import type` and type-only re-exports are erased by TypeScript. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((element) => element.isTypeOnly)
          : false);
      return typeOnly ? [] : [(statement.moduleSpecifier as ts.StringLiteral).text];
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      return [(statement.moduleSpecifier as ts.StringLiteral).text];
    }
    return [];
  });
}

function moduleGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files].map((file) => file.replace(/^.*\/src\//, "")).sort(), packages: [...packages] };
}

describe("the browser entry", () => {
  it("reaches no package and no node: module at run time, so zod and the loader stay out of pages", () => {
    const graph = moduleGraph(fileURLToPath(new URL("./browser.ts", import.meta.url)));
    expect(graph.packages).toEqual([]);
    expect(graph.files).toEqual([
      "browser.ts",
      "derived-facts.ts",
      "figure-value.ts",
      "format-units.ts",
      "license-class.ts",
      "model-filter.ts",
      "partial-date.ts",
    ]);
  });
});
