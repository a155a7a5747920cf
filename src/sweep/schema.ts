/**
 * The sweep file: a base scenario and axes of overrides. Every combination of one variant per axis
 * is a point, a complete scenario run with the sweep's replications and seed. An axis is a list of
 * variants written in the file, or a CSV table (one row per variant, e.g. one force per row).
 */
import { z } from 'zod';
import { CHANNELS } from '../scenario/index.ts';

const label = () => z.string().min(1).max(80);
const positive = () => z.number().gt(0);

/** Handlers added to (or, when negative, removed from) every shift of one group. */
export const staffDeltaSchema = z.strictObject({
  group: z.string().min(1),
  delta: z.number().int(),
  /** Only the shifts starting at this time ("HH:MM"); all the group's shifts when absent. */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time "HH:MM"').optional(),
});

export const variantSchema = z.strictObject({
  label: label(),
  /** Scenario fields replaced by dotted path, e.g. { "staffing.shrinkage": 0.3 }. */
  set: z.record(z.string().regex(/^[^.\s][^\s]*$/, 'expected a dotted field path such as "staffing.shrinkage"'), z.unknown()).optional(),
  /** Multiplies calls per day: one factor for every channel, or one per channel. */
  demandFactor: z.union([positive(), z.partialRecord(z.enum(CHANNELS), positive())]).optional(),
  /** Multiplies the staff of every shift (or the fixed number), rounded to whole handlers. */
  staffFactor: z.number().min(0).optional(),
  staff: z.array(staffDeltaSchema).optional(),
});

export const axisSchema = z.strictObject({
  name: label(),
  variants: z.array(variantSchema).min(1).optional(),
  /**
   * A CSV file (relative to the sweep file) with a header row: `name` labels the variant; the
   * columns `999`, `101`, `online` set calls per day, `staffFactor` scales the rota, `headcount`
   * scales it by headcount / `baseHeadcount`; any other column is a dotted scenario field path.
   */
  csv: z.string().min(1).optional(),
  /** The headcount the base scenario's rota stands for, when the CSV has a `headcount` column. */
  baseHeadcount: positive().optional(),
});

export const sweepSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The base scenario: a file path relative to the sweep file, or the scenario itself. */
  base: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  replications: z.number().int().min(1).max(100_000).default(10),
  /** Every point runs on this seed, so points are compared on common random numbers. */
  seed: z.union([z.string(), z.number()]).transform(String).optional(),
  /** Shards per point: each point's replications are split over this many tasks. */
  shards: z.number().int().min(1).default(1),
  axes: z.array(axisSchema).default([]),
});

export type SweepFile = z.output<typeof sweepSchema>;
export type Axis = z.output<typeof axisSchema>;
export type Variant = z.output<typeof variantSchema>;

/** JSON Schema of the sweep file, for editors (published as scenarios/sweep.schema.json). */
export function sweepJsonSchema(): object {
  return z.toJSONSchema(sweepSchema, { io: 'input', unrepresentable: 'any' });
}
