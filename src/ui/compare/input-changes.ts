/**
 * What differs between two scenarios' inputs, in a manager's words, listed before the effects in
 * Compare: "Night (Call handlers): 8 → 10 staff", "Shrinkage: 25 % → 30 %",
 * "Call handlers: +2 on 23:00–07:00 (8 h) Fri and Sat". Differences in the period or the demand are also returned as
 * warnings: the pairing then compares periods or demand as well as rotas.
 */
import type { Scenario } from '../core.ts';
import { CHANNELS, groupsOf } from '../core.ts';
import { money } from '../results/format.ts';
import { counted } from '../../shared/counted.ts';
import { headcountChanges } from '../../optimise/changes.ts';

type Shift = NonNullable<Scenario['staffing']['shifts']>[number];

export interface InputChanges {
  /** One line per input that differs, rota first. */
  changes: string[];
  /** How many of `changes`, from the first, are about the rota (staff groups and shifts). */
  rotaLines: number;
  /** Differences that make the comparison more than a comparison of rotas. */
  warnings: string[];
}

export function inputChanges(a: Scenario, b: Scenario): InputChanges {
  const changes: string[] = [];
  const warnings: string[] = [];
  const was = (what: string, x: unknown, y: unknown, f: (v: never) => string = String) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push(`${what}: ${show(x, f)} → ${show(y, f)}`);
  };

  rota(a, b, changes);
  const rotaLines = changes.length;
  was('Shrinkage', a.staffing.shrinkage, b.staffing.shrinkage, percent);
  was('Staff on duty (fixed)', a.staffing.fixed, b.staffing.fixed);
  desks(a, b, changes);

  const period = (s: Scenario) => `${s.horizon.days - s.horizon.warmupDays} days from ${s.horizon.startDate} (${s.horizon.warmupDays} warm-up)`;
  if (JSON.stringify(a.horizon) !== JSON.stringify(b.horizon)) {
    changes.push(`Period: ${period(a)} → ${period(b)}`);
    warnings.push('The two scenarios simulate different periods: each pair of replications compares periods as well as rotas.');
  }
  const demandBefore = changes.length;
  for (const c of CHANNELS) {
    const x = a.demand.channels[c];
    const y = b.demand.channels[c];
    was(`${c} demand per day`, x?.callsPerDay ?? 0, y?.callsPerDay ?? 0);
    if (JSON.stringify(x?.hourOfWeek) !== JSON.stringify(y?.hourOfWeek) || JSON.stringify(x?.month) !== JSON.stringify(y?.month))
      changes.push(`${c} demand shape over the week or year differs`);
    if (JSON.stringify(x?.mix) !== JSON.stringify(y?.mix)) changes.push(`${c} call-type mix differs`);
  }
  if (a.demand.profile !== b.demand.profile) was('Demand profile', a.demand.profile, b.demand.profile);
  if (JSON.stringify([a.demand.hourOfWeek, a.demand.month]) !== JSON.stringify([b.demand.hourOfWeek, b.demand.month]))
    changes.push('Demand shape for all channels differs');
  if (JSON.stringify(a.demand.specialDays) !== JSON.stringify(b.demand.specialDays))
    changes.push(`Special days: ${a.demand.specialDays.length} → ${b.demand.specialDays.length}${a.demand.specialDays.length === b.demand.specialDays.length ? ' (changed)' : ''}`);
  const overflow = (s: Scenario) => (s.demand.neighbourOverflow.length ? counted(s.demand.neighbourOverflow.length, 'period') : 'none');
  if (JSON.stringify(a.demand.neighbourOverflow) !== JSON.stringify(b.demand.neighbourOverflow))
    changes.push(
      `999 calls taken for neighbouring forces: ${overflow(a)} → ${overflow(b)}${a.demand.neighbourOverflow.length === b.demand.neighbourOverflow.length ? ' (changed)' : ''}`,
    );
  if (JSON.stringify(a.diversion) !== JSON.stringify(b.diversion)) changes.push('Online diversion shares differ');
  otherFields('Demand: ', a.demand, b.demand, DEMAND_DESCRIBED, changes);
  if (changes.length > demandBefore)
    warnings.push('Demand differs: the differences below include the change in demand, not only the rota.');

  for (const c of CHANNELS) {
    if (JSON.stringify(a.handling[c]) !== JSON.stringify(b.handling[c])) changes.push(`${c} handling times differ`);
    if (JSON.stringify(a.patience[c]) !== JSON.stringify(b.patience[c])) changes.push(`${c} caller patience differs`);
    if (JSON.stringify(a.redial[c]) !== JSON.stringify(b.redial[c])) changes.push(`${c} redial differs`);
  }
  was('Triage', a.triage.enabled ? 'on' : 'off', b.triage.enabled ? 'on' : 'off');
  if (a.triage.enabled && b.triage.enabled && JSON.stringify(a.triage) !== JSON.stringify(b.triage)) changes.push('Triage policy or answer mix differs');
  const target = (s: Scenario) =>
    `999 ${percent(s.targets['999'].share)} in ${s.targets['999'].seconds} s, 101 ${percent(s.targets['101'].share)} in ${s.targets['101'].seconds} s, online ${percent(s.targets.online.share)} in ${s.targets.online.hours} h`;
  was('Targets', target(a), target(b));
  const step = (s: Scenario) => (s.triage101 ? `${s.triage101.mode}` : 'none');
  if (JSON.stringify(a.triage101) !== JSON.stringify(b.triage101))
    changes.push(`101 triage step: ${step(a)} → ${step(b)}${step(a) === step(b) ? ' (routes, screening or call-back target differ)' : ''}`);
  otherFields('', a, b, DESCRIBED, changes);
  return { changes, rotaLines, warnings };
}

/** Inputs worded above, or that do not change what is simulated (a Compare runs every scenario on one seed). */
const DESCRIBED = new Set(['$schema', 'name', 'description', 'seed', 'optimise', 'horizon', 'demand', 'handling', 'patience', 'redial', 'staffing', 'desks', 'triage', 'triage101', 'diversion', 'targets']);
const DEMAND_DESCRIBED = new Set(['channels', 'profile', 'hourOfWeek', 'month', 'specialDays', 'neighbourOverflow']);

/** Any other field that differs is still named, so that "nothing differs" is never said of inputs that do. */
function otherFields(prefix: string, a: object, b: object, described: ReadonlySet<string>, changes: string[]) {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
    if (!described.has(key) && JSON.stringify(x[key]) !== JSON.stringify(y[key])) changes.push(`${prefix}${key} differs`);
}

function rota(a: Scenario, b: Scenario, changes: string[]) {
  const ga = new Map(groupsOf(a.staffing).map((g) => [g.id, g]));
  const gb = new Map(groupsOf(b.staffing).map((g) => [g.id, g]));
  const name = (id: string) => gb.get(id)?.name ?? ga.get(id)?.name ?? id;
  for (const [id, g] of gb) {
    const old = ga.get(id);
    if (!old) changes.push(`Staff group added: ${name(id)} (${g.skills.join(', ')})`);
    else {
      if (old.costPerHour !== g.costPerHour) changes.push(`${name(id)}: cost per hour ${money2(old.costPerHour)} → ${money2(g.costPerHour)}`);
      if (old.skills.join() !== g.skills.join()) changes.push(`${name(id)}: skills ${old.skills.join(', ')} → ${g.skills.join(', ')}`);
      if (old.usesDesk !== g.usesDesk) changes.push(`${name(id)}: ${g.usesDesk ? 'now uses desks' : 'no longer uses desks'}`);
    }
  }
  for (const id of ga.keys()) if (!gb.has(id)) changes.push(`Staff group removed: ${name(id)}`);

  shifts(a.staffing.shifts ?? [], b.staffing.shifts ?? [], name, changes);
}

/**
 * Shifts are matched by what they are, never by their place in the list: a regenerated rota (a
 * proposal lists its shifts in another order under other names) would otherwise read as dozens of
 * false renames. Identical shifts say nothing; a shift kept under its name says what changed in it;
 * a rename is only a shift that changed nothing but its name; everything else is written as the net
 * change in staff per group, shift times and weekday, as the optimiser words its proposals.
 */
function shifts(before: readonly Shift[], after: readonly Shift[], name: (id: string) => string, changes: string[]) {
  const sa = [...before];
  const sb = [...after];
  const shape = (s: Shift) => JSON.stringify([s.group, s.start, s.hours, s.days, s.breaks.map((k) => [k.afterMinutes, k.minutes, !!k.paid])]);
  const pairUp = (match: (x: Shift, y: Shift) => boolean, say: (x: Shift, y: Shift) => void) => {
    for (const x of [...sa]) {
      const i = sb.findIndex((y) => match(x, y));
      if (i < 0) continue;
      say(x, sb[i]!);
      sb.splice(i, 1);
      sa.splice(sa.indexOf(x), 1);
    }
  };
  // Two shifts of a group under one name ("New shift", as the editor names them) are told apart by their times.
  const named = (list: readonly Shift[], s: Shift) => list.filter((x) => x.group === s.group && x.name === s.name).length;
  const label = (s: Shift) =>
    `${s.name}${named(before, s) > 1 || named(after, s) > 1 ? ` ${s.start}, ${s.hours} h, ${s.days.join(' ')}` : ''} (${name(s.group)})`;

  pairUp((x, y) => shape(x) === shape(y) && x.staff === y.staff && (x.name ?? '') === (y.name ?? ''), () => {});
  pairUp(
    (x, y) => x.group === y.group && !!x.name && x.name === y.name,
    (x, y) => {
      const parts: string[] = [];
      if (x.staff !== y.staff) parts.push(`${x.staff} → ${y.staff} staff`);
      if (x.start !== y.start) parts.push(`starts ${x.start} → ${y.start}`);
      if (x.hours !== y.hours) parts.push(`${x.hours} → ${y.hours} hours`);
      if (x.days.join() !== y.days.join()) parts.push(`days ${x.days.join(' ')} → ${y.days.join(' ')}`);
      if (JSON.stringify(x.breaks) !== JSON.stringify(y.breaks)) parts.push('breaks differ');
      changes.push(`${label(y)}: ${parts.join(', ')}`);
    },
  );
  pairUp(
    (x, y) => shape(x) === shape(y) && x.staff === y.staff,
    (x, y) => changes.push(`Shift renamed: ${x.name ?? `${x.start} shift`} → ${y.name ?? `${y.start} shift`} (${name(y.group)})`),
  );

  // Groups in the optimiser's order, so a proposal reads here as it did in the Propose tab.
  for (const g of [...new Set([...sa, ...sb].map((s) => s.group))].sort((x, y) => x.localeCompare(y))) {
    const of = (list: Shift[]) => list.filter((s) => s.group === g);
    const heads = headcountChanges(of(sa), of(sb), new Map([[g, name(g)]]));
    // Shifts left over with no net change in staff: the same cover, split differently.
    changes.push(...(heads.length ? heads : [`${name(g)}: the same staff at the same times, split into other shifts or break plans`]));
  }
}

function desks(a: Scenario, b: Scenario, changes: string[]) {
  const text = (s: Scenario) =>
    s.desks.periods.length === 0
      ? 'no cap'
      : s.desks.periods
          .map((p) => `${p.usable} usable${p.shielding ? `, ${p.shielding} shielding` : ''}${p.shieldingShare ? `, ${percent(p.shieldingShare)} shielding` : ''}${p.from || p.to ? ` (${p.from ?? '…'} to ${p.to ?? '…'})` : ''}`)
          .join('; ');
  if (text(a) !== text(b)) changes.push(`Desks: ${text(a)} → ${text(b)}`);
}

const percent = (x: number) => `${+(x * 100).toFixed(1)} %`;
const money2 = (x: number) => (Number.isInteger(x) ? money(x) : `£${x.toFixed(2)}`);
const show = (v: unknown, f: (v: never) => string) => (v === undefined ? 'none' : f(v as never));
