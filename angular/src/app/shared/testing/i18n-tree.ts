/** The translation files as a tree, for specs that check both languages carry the same keys. */
export type Tree = { [key: string]: string | Tree };

/** Every leaf key of the tree, dotted (e.g. `expenses.status.Draft`). */
export function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

/** The value at a dotted key, or undefined. */
export function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}
