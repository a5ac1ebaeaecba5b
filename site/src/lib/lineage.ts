/** What lineage needs of a model: its id and the catalogue ids it derives from. */
export interface LineageNode {
  id: string;
  base_model?: readonly string[];
}

/** A model and, beneath it, every model derived from it. A merge sits beneath each of its bases. */
export interface FamilyTree {
  id: string;
  children: FamilyTree[];
}

export interface Lineage {
  parents(id: string): readonly string[];
  children(id: string): readonly string[];
  /** Every model this one derives from, nearest first, each once. */
  ancestors(id: string): string[];
  /** The tree of models derived from this one. */
  descendants(id: string): FamilyTree;
  /** One tree per root (a model that derives from nothing in the catalogue) that has at least one derivative. */
  forest(): FamilyTree[];
}

/** The derivation graph of a catalogue, whose loader has already checked that base models exist and never cycle. */
export function lineage(models: readonly LineageNode[]): Lineage {
  const known = new Set(models.map(({ id }) => id));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const { id, base_model } of [...models].sort((a, b) => a.id.localeCompare(b.id))) {
    const bases = (base_model ?? []).filter((base) => known.has(base));
    parents.set(id, bases);
    for (const base of bases) {
      const list = children.get(base);
      if (list) list.push(id);
      else children.set(base, [id]);
    }
  }
  const childrenOf = (id: string) => children.get(id) ?? [];
  const descendants = (id: string): FamilyTree => ({ id, children: childrenOf(id).map(descendants) });
  return {
    parents: (id) => parents.get(id) ?? [],
    children: childrenOf,
    ancestors(id) {
      const seen = new Set<string>();
      let frontier = parents.get(id) ?? [];
      while (frontier.length > 0) {
        const next: string[] = [];
        for (const parent of frontier) {
          if (seen.has(parent)) continue;
          seen.add(parent);
          next.push(...(parents.get(parent) ?? []));
        }
        frontier = next;
      }
      return [...seen];
    },
    descendants,
    forest: () =>
      [...parents.entries()]
        .filter(([id, bases]) => bases.length === 0 && childrenOf(id).length > 0)
        .map(([id]) => descendants(id)),
  };
}

/** How many models a tree holds below its root. */
export function treeSize(tree: FamilyTree): number {
  return tree.children.reduce((sum, child) => sum + 1 + treeSize(child), 0);
}
