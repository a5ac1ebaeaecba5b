import * as Plot from "@observablehq/plot";
import type { FamilyTree } from "../lineage.ts";
import { renderPlot } from "./render.ts";

/** Every root-to-node path of a tree, as names joined by "/" (a "/" inside a name is written as "∕"). */
export function treePaths(tree: FamilyTree, name: (id: string) => string, prefix = ""): string[] {
  const path = `${prefix}${name(tree.id).replaceAll("/", "∕")}`;
  return [path, ...tree.children.flatMap((child) => treePaths(child, name, `${path}/`))];
}

function leaves(tree: FamilyTree): number {
  return tree.children.length === 0 ? 1 : tree.children.reduce((sum, child) => sum + leaves(child), 0);
}

function depth(tree: FamilyTree): number {
  return 1 + Math.max(0, ...tree.children.map(depth));
}

/** One family as a left-to-right tree: the base model at the root, each derivative to the right of its base. */
export function lineageChart(tree: FamilyTree, name: (id: string) => string): string {
  return renderPlot({
    axis: null,
    width: 16 + name(tree.id).length * 7.5 + Math.max(260, (depth(tree) - 1) * 190) + 150,
    height: Math.max(60, leaves(tree) * 28),
    // Plot writes an inner node's name to its left: room for the root's.
    marginLeft: 16 + name(tree.id).length * 7.5,
    marginRight: 150,
    marks: [
      Plot.tree(treePaths(tree, name), {
        textStroke: "var(--bg)",
        fill: "currentColor",
        stroke: "currentColor",
        strokeOpacity: 0.5,
        fontSize: 13,
        title: (path: string) => path.replaceAll("/", " → "),
      }),
    ],
  });
}
