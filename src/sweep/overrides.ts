/**
 * Applies one variant's overrides to a scenario's JSON, in a fixed order: `set` fields, then the
 * demand factor, the staff factor and the staff deltas. Works on the JSON as written (before
 * defaults), so a point's scenario file reads like one a user would write; the result is validated
 * as a whole scenario afterwards.
 */
import { CHANNELS, FIXED_GROUP_ID, type Problem } from '../scenario/index.ts';
import type { Variant } from './schema.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets a dotted path, creating objects on the way; a numeric segment indexes an existing list. */
export function setPath(target: Json, path: string, value: unknown): string | null {
  const keys = path.split('.');
  let node: unknown = target;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= node.length)
        return `"${keys.slice(0, i).join('.')}" is a list of ${node.length}: expected an index 0–${node.length - 1}, got "${key}"`;
      if (last) node[index] = value;
      else node = node[index];
    } else if (isObject(node)) {
      if (last) node[key] = value;
      else node = isObject(node[key]) || Array.isArray(node[key]) ? node[key] : (node[key] = {});
    } else return `"${keys.slice(0, i).join('.')}" is not an object or a list`;
  }
  return null;
}

function channels(scenario: Json): Json {
  const demand = isObject(scenario.demand) ? scenario.demand : {};
  return isObject(demand.channels) ? demand.channels : {};
}

function scaleDemand(scenario: Json, factor: NonNullable<Variant['demandFactor']>, at: string): Problem[] {
  const present = channels(scenario);
  const factors = typeof factor === 'number' ? Object.fromEntries(CHANNELS.map((c) => [c, factor])) : factor;
  const problems: Problem[] = [];
  for (const [channel, f] of Object.entries(factors)) {
    const c = present[channel];
    if (isObject(c) && typeof c.callsPerDay === 'number') c.callsPerDay = c.callsPerDay * f!;
    else if (typeof factor !== 'number')
      problems.push({ path: `${at}.demandFactor.${channel}`, message: `the base scenario has no ${channel} demand to scale` });
  }
  return problems;
}

interface Shift extends Json {
  group?: unknown;
  start?: unknown;
  staff?: unknown;
}

function staffing(scenario: Json): { fixed?: number; shifts: Shift[] } {
  const s = isObject(scenario.staffing) ? scenario.staffing : {};
  return {
    ...(typeof s.fixed === 'number' ? { fixed: s.fixed } : {}),
    shifts: Array.isArray(s.shifts) ? (s.shifts.filter(isObject) as Shift[]) : [],
  };
}

function scaleStaff(scenario: Json, factor: number): void {
  const s = staffing(scenario);
  const staff = scenario.staffing as Json;
  if (s.fixed !== undefined) staff.fixed = Math.round(s.fixed * factor);
  for (const shift of s.shifts) if (typeof shift.staff === 'number') shift.staff = Math.round(shift.staff * factor);
}

function addStaff(scenario: Json, deltas: NonNullable<Variant['staff']>, at: string): Problem[] {
  const s = staffing(scenario);
  const problems: Problem[] = [];
  deltas.forEach(({ group, delta, start }, i) => {
    const path = `${at}.staff.${i}`;
    const where = start ? ` starting at ${start}` : '';
    if (s.fixed !== undefined) {
      if (group !== FIXED_GROUP_ID || start)
        return problems.push({ path, message: `the base scenario has fixed staffing: expected group "${FIXED_GROUP_ID}" without a start` });
      const fixed = s.fixed + delta;
      if (fixed < 0) return problems.push({ path, message: `would leave ${fixed} handlers` });
      (scenario.staffing as Json).fixed = fixed;
      return;
    }
    const shifts = s.shifts.filter((sh) => sh.group === group && (!start || sh.start === start));
    if (shifts.length === 0) return problems.push({ path: `${path}.group`, message: `no shift of group "${group}"${where} in the base scenario` });
    for (const shift of shifts) {
      const staff = (typeof shift.staff === 'number' ? shift.staff : 0) + delta;
      if (staff < 0) return problems.push({ path: `${path}.delta`, message: `would leave ${staff} staff on the ${String(shift.start)} shift` });
      shift.staff = staff;
    }
  });
  return problems;
}

/** Applies a variant in place; `at` is the variant's path in the sweep file, for problems. */
export function applyVariant(scenario: Json, variant: Variant, at: string): Problem[] {
  const problems: Problem[] = [];
  for (const [path, value] of Object.entries(variant.set ?? {})) {
    const why = setPath(scenario, path, structuredClone(value));
    if (why) problems.push({ path: `${at}.set.${path}`, message: why });
  }
  if (variant.demandFactor !== undefined) problems.push(...scaleDemand(scenario, variant.demandFactor, at));
  if (variant.staffFactor !== undefined) scaleStaff(scenario, variant.staffFactor);
  if (variant.staff) problems.push(...addStaff(scenario, variant.staff, at));
  return problems;
}
