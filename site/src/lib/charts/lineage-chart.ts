import * as Plot from "@observablehq/plot";
import { modelHref } from "../href.ts";
import type { FamilyTree } from "../lineage.ts";
import { renderPlot } from "./render.ts";
import { CHART_FONT_SIZE } from "./sizes.ts";
import { textWidth } from "./text.ts";

interface Node {
  id: string;
  name: string;
  path: string;
  depth: number;
  x: number;
  y: number;
  parent?: Node;
}

const ROW = 24;
const R = 3.5;
/** From a dot to the start of its name. */
const GAP = 5;
/** Between the longest name of a column and the dots of the next, where the links fan out. */
const GUTTER = 56;
const MARGIN = { top: 8, right: 10, bottom: 8, left: 6 };

/**
 * The layout of one family: a column per generation, each node's name to the right of its dot. A column starts
 * after the longest name of the one before, and the links fan out in the gutter between them, so no line runs
 * through a name. Leaves take one row each, in order; a parent sits midway between its first and last child.
 */
export function lineageLayout(
  tree: FamilyTree,
  name: (id: string) => string,
): { nodes: Node[]; width: number; height: number } {
  const nodes: Node[] = [];
  const columns: number[] = [];
  let row = 0;
  const visit = (branch: FamilyTree, depth: number, parent?: Node): Node => {
    const label = name(branch.id);
    const node: Node = {
      id: branch.id,
      name: label,
      path: parent ? `${parent.path} → ${label}` : label,
      depth,
      x: 0,
      y: 0,
      parent,
    };
    nodes.push(node);
    columns[depth] = Math.max(columns[depth] ?? 0, textWidth(label, CHART_FONT_SIZE));
    const children = branch.children.map((child) => visit(child, depth + 1, node));
    node.y = children.length === 0 ? MARGIN.top + ROW * row++ + ROW / 2 : (children[0]!.y + children.at(-1)!.y) / 2;
    return node;
  };
  visit(tree, 0);
  const starts = [MARGIN.left + R];
  for (const width of columns.slice(0, -1)) starts.push(starts.at(-1)! + R + GAP + width + GUTTER + R);
  for (const node of nodes) node.x = starts[node.depth]!;
  return {
    nodes,
    width: Math.ceil(starts.at(-1)! + R + GAP + columns.at(-1)! + MARGIN.right),
    height: MARGIN.top + row * ROW + MARGIN.bottom,
  };
}

/**
 * One family as a left-to-right tree: the base model at the root, each derivative to the right of its base, each
 * name a link to the model's page. Drawn at its own size (its width is returned), never scaled: where the column
 * is narrower, the page shows the family as a list instead.
 */
export function lineageChart(tree: FamilyTree, name: (id: string) => string): { svg: string; width: number } {
  const { nodes, width, height } = lineageLayout(tree, name);
  const columnEnd = new Map<number, number>();
  for (const node of nodes)
    columnEnd.set(
      node.depth,
      Math.max(columnEnd.get(node.depth) ?? 0, node.x + R + GAP + textWidth(node.name, CHART_FONT_SIZE)),
    );
  // Each parent's stem runs along its row from the end of its name to the gutter; from there a curve runs to each child.
  const stems = nodes.flatMap((node) =>
    nodes.some((child) => child.parent === node)
      ? [
          { link: node.path, x: node.x + R + GAP + textWidth(node.name, CHART_FONT_SIZE) + 3, y: node.y },
          { link: node.path, x: columnEnd.get(node.depth)! + 6, y: node.y },
        ]
      : [],
  );
  const curves = nodes.flatMap((node) =>
    node.parent
      ? [
          { link: node.path, x: columnEnd.get(node.parent.depth)! + 6, y: node.parent.y },
          { link: node.path, x: node.x - R, y: node.y },
        ]
      : [],
  );
  const svg = renderPlot({
    width,
    height,
    margin: 0,
    axis: null,
    x: { type: "identity" },
    y: { type: "identity" },
    marks: [
      Plot.line([...stems, ...curves], {
        x: "x",
        y: "y",
        z: "link",
        curve: "bump-x",
        stroke: "currentColor",
        strokeOpacity: 0.5,
        strokeWidth: 1.5,
      }),
      Plot.dot(nodes, { x: "x", y: "y", r: R, fill: "currentColor", title: "path" }),
      Plot.text(nodes, {
        x: (node: Node) => node.x + R + GAP,
        y: "y",
        text: "name",
        textAnchor: "start",
        fontSize: CHART_FONT_SIZE,
        fill: "currentColor",
        href: (node: Node) => modelHref(node.id),
      }),
    ],
  });
  return { svg, width };
}
