/**
 * The ready scenarios shipped in scenarios/*.json, bundled at build time. Baseline comes first
 * because it is where most users start and what they compare against.
 */
const files = import.meta.glob<unknown>(['../../../scenarios/*.json', '!**/scenario.schema.json'], { eager: true, import: 'default' });

export interface Builtin {
  slug: string;
  json: unknown;
}

export const builtins: Builtin[] = Object.entries(files)
  .map(([path, json]) => ({ slug: path.replace(/^.*\//, '').replace(/\.json$/, ''), json }))
  .sort((a, b) => (a.slug === 'baseline' ? -1 : b.slug === 'baseline' ? 1 : a.slug.localeCompare(b.slug)));
