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

/** Both translation files (loaded once). */
export async function translations(): Promise<{ en: Tree; zh: Tree }> {
  const [en, zh] = await Promise.all([import('../../../i18n/en.json'), import('../../../i18n/zh-CN.json')]);
  return { en: en.default as unknown as Tree, zh: zh.default as unknown as Tree };
}

/** The keys of these sections that one language has and the other lacks, as `<lang>:<key>` (empty when they match). */
export async function unmatchedKeys(sections: string[]): Promise<string[]> {
  const { en, zh } = await translations();
  return sections.flatMap((section) => {
    const [e, z] = [new Set(keys((en[section] ?? {}) as Tree)), new Set(keys((zh[section] ?? {}) as Tree))];
    return [...[...e].filter((k) => !z.has(k)).map((k) => `zh-CN:${section}.${k}`), ...[...z].filter((k) => !e.has(k)).map((k) => `en:${section}.${k}`)];
  });
}

/** The keys the pages build that a language has no text for, as `<lang>:<key>` (empty when both have them all). */
export async function missingKeys(built: string[]): Promise<string[]> {
  const { en, zh } = await translations();
  return [...built.filter((k) => typeof lookup(en, k) !== 'string').map((k) => `en:${k}`), ...built.filter((k) => typeof lookup(zh, k) !== 'string').map((k) => `zh-CN:${k}`)];
}
