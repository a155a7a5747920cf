/**
 * Shard files: what `occsim run --shard K/N` writes and `occsim merge` reads. A shard carries a
 * digest of its scenario and of its results, each over canonical JSON (keys sorted), so a shard
 * re-saved by a tool that reorders keys still merges, while an edited number or a truncated copy
 * is refused with the file and the field named.
 */
import { createHash } from 'node:crypto';
import { z } from '../shared/zod.ts';
import { formatProblem, problemsFromZod } from '../shared/problems.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { InputError } from './errors.ts';

export interface ShardFile {
  format: 'occsim-shard';
  version: 1;
  scenario: unknown;
  seed: string;
  replications: number;
  shard: string;
  results: ReplicationStats[];
  digests: { scenario: string; results: string };
}

/** JSON with every object's keys in sorted order: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function shardFile(scenario: unknown, seed: string, replications: number, shard: string, results: ReplicationStats[]): ShardFile {
  return { format: 'occsim-shard', version: 1, scenario, seed, replications, shard, results, digests: { scenario: digest(scenario), results: digest(results) } };
}

const shardSchema = z.object({
  format: z.literal('occsim-shard'),
  version: z.literal(1),
  scenario: z.record(z.string(), z.unknown()),
  seed: z.string(),
  replications: z.number().int().min(1),
  shard: z.string().regex(/^\d+\/\d+$/),
  results: z.array(z.object({ replication: z.number().int().min(0) }).loose()),
  digests: z.strictObject({ scenario: z.string().regex(/^[0-9a-f]{64}$/), results: z.string().regex(/^[0-9a-f]{64}$/) }),
});

/** The first number in `value` that no replication can produce (negative, not finite), with its path. */
function badNumber(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? null : `${path}: expected a count or sum ≥ 0, got ${value}`;
  if (value === null || typeof value !== 'object') return `${path}: expected a number, got ${value === null ? 'null' : typeof value}`;
  for (const [k, v] of Object.entries(value)) {
    const bad = badNumber(v, path ? `${path}.${k}` : k);
    if (bad) return bad;
  }
  return null;
}

/** Checks a parsed shard's shape, numbers and digests; `path` names the file in every message. */
export function checkShard(json: unknown, path: string): ShardFile {
  if ((json as { format?: unknown } | null)?.format !== 'occsim-shard')
    throw new InputError(`${path}: not an occsim shard file (expected the output of "occsim run --shard K/N")`);
  const parsed = shardSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new InputError(`${path}: not a valid shard file`, problemsFromZod(parsed.error).map(formatProblem));
  const shard = parsed.data as unknown as ShardFile;
  for (const part of ['scenario', 'results'] as const) {
    const actual = digest(shard[part]);
    if (actual !== shard.digests[part])
      throw new InputError(
        `${path}: ${part}: expected SHA-256 ${shard.digests[part].slice(0, 12)}… (digests.${part}), got ${actual.slice(0, 12)}…; the file was edited or damaged after it was written`,
      );
  }
  shard.results.forEach((r, i) => {
    const bad = badNumber(r, `results.${i}`);
    if (bad) throw new InputError(`${path}: ${bad}`);
  });
  return shard;
}
