/**
 * Rules that relate one field to another, run after the schema: references between sections,
 * orderings, and demand that nothing could answer. Each returns problems with field paths.
 */
import { distProblems, meanOf, type DistSpec } from '../engine/index.ts';
import { CHANNELS, PHONE_CHANNELS, type Channel, type Scenario } from './schema.ts';
import { oneOf, type Problem } from '../shared/problems.ts';
import { groupsOf, skillsOf } from './staff-groups.ts';
import { mixOf } from './call-mix.ts';

export function crossCheck(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const checkDist = (path: string, spec: DistSpec | undefined) => {
    if (spec) for (const p of distProblems(spec)) add(`${path}.${p.path}`, p.message);
  };

  if (s.horizon.warmupDays >= s.horizon.days)
    add('horizon.warmupDays', `expected fewer warm-up days than days (${s.horizon.days}), got ${s.horizon.warmupDays}`);

  const divertsOnline = PHONE_CHANNELS.some((c) => Object.values(s.diversion[c] ?? {}).some((x) => x > 0));
  const overflows = s.demand.neighbourOverflow.some((o) => o.callsPerDay > 0);
  const offered = (c: Channel) =>
    (s.demand.channels[c]?.callsPerDay ?? 0) > 0 || (c === 'online' && divertsOnline) || (c === '999' && overflows);
  const skills = skillsOf(s.staffing);

  for (const c of CHANNELS) {
    const handling = s.handling[c];
    if (handling) {
      checkDist(`handling.${c}.talkMinutes`, handling.talkMinutes);
      checkDist(`handling.${c}.wrapMinutes`, handling.wrapMinutes);
      for (const [type, h] of Object.entries(handling.byCallType)) {
        checkDist(`handling.${c}.byCallType.${type}.talkMinutes`, h.talkMinutes);
        checkDist(`handling.${c}.byCallType.${type}.wrapMinutes`, h.wrapMinutes);
      }
    }
    checkDist(`patience.${c}`, s.patience[c]);
    checkDist(`redial.${c}.delayMinutes`, s.redial[c]?.delayMinutes);
    if (!offered(c)) continue;
    if (!handling) add(`handling.${c}`, `required: ${c} has demand but no handling time`);
    if (!skills.has(c)) add('staffing', `no staff group is skilled for ${c}, which has demand`);
    const mix = s.demand.channels[c]?.mix;
    if (mix && !Object.values(mix).some((w) => w > 0)) add(`demand.channels.${c}.mix`, 'expected at least one call type with a share > 0');
  }
  for (const c of PHONE_CHANNELS) {
    const redial = s.redial[c];
    const patience = s.patience[c];
    // Every caller who gives up at once rings back at once, forever: simulated time stands still.
    if (redial && patience && redial.probability >= 1 && meanOf(redial.delayMinutes as DistSpec) === 0 && meanOf(patience as DistSpec) === 0)
      add(`redial.${c}.delayMinutes`, 'expected a delay > 0 (or a probability < 1): with patience 0, probability 1 and no delay, callers would ring back forever at the same instant');
  }
  callTypeProblems(s, add);
  factorProblems('demand', s.demand, add);
  for (const c of CHANNELS) if (s.demand.channels[c]) factorProblems(`demand.channels.${c}`, s.demand.channels[c], add);
  if (s.redial['online']) add('redial.online', 'online reports do not abandon, so they cannot redial');
  if (s.patience['online']) add('patience.online', 'online reports do not abandon; remove this or use the online target');

  const st = s.staffing;
  const hasRota = st.shifts !== undefined || st.groups !== undefined;
  if (st.fixed === undefined && !hasRota) add('staffing', 'expected either "fixed" or "groups" with "shifts"');
  if (st.fixed !== undefined && hasRota) add('staffing', 'expected either "fixed" or "groups" with "shifts", not both');
  if (hasRota) {
    if (!st.groups?.length) add('staffing.groups', 'required: at least one staff group for the shifts');
    if (!st.shifts) add('staffing.shifts', 'required: the shifts of the rota');
    const ids = new Set<string>();
    st.groups?.forEach((g, i) => {
      if (ids.has(g.id)) add(`staffing.groups.${i}.id`, `duplicate group id "${g.id}"`);
      ids.add(g.id);
    });
    st.shifts?.forEach((shift, i) => {
      if (!ids.has(shift.group))
        add(`staffing.shifts.${i}.group`, `expected one of ${oneOf([...ids]) || 'the groups'}, got "${shift.group}"`);
      const days = new Set<string>();
      shift.days.forEach((d, j) => {
        if (days.has(d)) add(`staffing.shifts.${i}.days.${j}`, `expected each weekday once, got "${d}" twice`);
        days.add(d);
      });
      // Breaks are named "break 1, 2…" in words, as the editor lists them; the path stays 0-based.
      // A break that runs past the shift's end is the one to fix (usually its length), so the
      // overlaps it causes with later breaks are not reported on top, blaming them.
      const end = shift.hours * 60;
      const pastEnd = new Set<number>();
      shift.breaks.forEach((b, j) => {
        if (b.afterMinutes + b.minutes <= end) return;
        pastEnd.add(j);
        add(`staffing.shifts.${i}.breaks.${j}.minutes`, `expected a break that ends within the ${shift.hours} h shift (by ${end} min), got ${b.afterMinutes} + ${b.minutes} = ${b.afterMinutes + b.minutes} min`);
      });
      // Overlapping breaks would take the same people off twice, i.e. staff from other shifts.
      const order = shift.breaks.map((b, j) => ({ ...b, j })).sort((a, b) => a.afterMinutes - b.afterMinutes);
      for (let k = 1; k < order.length; k++) {
        const before = order[k - 1]!;
        const b = order[k]!;
        const beforeEnds = before.afterMinutes + before.minutes;
        if (b.afterMinutes < beforeEnds && !pastEnd.has(before.j))
          add(
            `staffing.shifts.${i}.breaks.${b.j}.afterMinutes`,
            `expected a start at or after ${beforeEnds} min, when break ${before.j + 1} (from ${before.afterMinutes} min, ${before.minutes} min long) ends, got ${b.afterMinutes}`,
          );
      }
    });
  }

  if (s.optimise) problems.push(...optimiseProblems(s));

  s.demand.specialDays.forEach((d, i) => {
    if (d.toHour <= d.fromHour) add(`demand.specialDays.${i}.toHour`, `expected an hour after fromHour (${d.fromHour}), got ${d.toHour}`);
  });
  s.demand.neighbourOverflow.forEach((o, i) => {
    if (o.from && o.to && o.to < o.from) add(`demand.neighbourOverflow.${i}.to`, `expected a date on or after ${o.from}, got ${o.to}`);
  });
  if (s.triage101) {
    const t = s.triage101;
    const routed = t.toOnline + t.toCallback + t.toOtherTeam;
    if (routed > 1 + 1e-9) add('triage101', `expected toOnline + toCallback + toOtherTeam ≤ 1, got ${+routed.toFixed(6)}`);
    if (t.mode === 'staffed' && !t.screenMinutes) add('triage101.screenMinutes', 'expected a distribution of handler minutes for a staffed step, got nothing');
    if (t.mode === 'automated' && t.screenMinutes) add('triage101.screenMinutes', 'expected nothing for an automated step (no handler screens the call), got a distribution');
  }
  s.desks.periods.forEach((p, i) => {
    if (p.from && p.to && p.to < p.from) add(`desks.periods.${i}.to`, `expected a date on or after ${p.from}, got ${p.to}`);
  });
  return problems;
}

/** The optimise section names groups that exist, and every break plan fits every length it may be used with. */
function optimiseProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(groupsOf(s.staffing).map((g) => g.id));
  const known = `expected one of ${oneOf([...ids]) || 'the staff groups'}`;
  const o = s.optimise!;
  if (s.staffing.fixed !== undefined)
    problems.push({ path: 'optimise', message: 'the optimiser proposes shifts: expected "groups" with "shifts" in staffing, not "fixed"' });
  o.templates?.forEach((t, i) => {
    if (!ids.has(t.group)) problems.push({ path: `optimise.templates.${i}.group`, message: `${known}, got "${t.group}"` });
    t.breakPlans.forEach((plan, j) =>
      plan.forEach((b, k) => {
        const shortest = Math.min(...t.hours);
        if (b.afterMinutes + b.minutes > shortest * 60)
          problems.push({ path: `optimise.templates.${i}.breakPlans.${j}.${k}`, message: `break ends after the shortest length (${shortest} h)` });
      }),
    );
  });
  for (const g of Object.keys(o.maxOnDuty))
    if (!ids.has(g)) problems.push({ path: `optimise.maxOnDuty.${g}`, message: `${known}, got "${g}"` });
  return problems;
}

/**
 * Call types named outside the mix change nothing, which is almost always a typo ("asb" for
 * "anti-social-behaviour") that would void the lever the user meant to pull. A channel's
 * diversion names types of that channel's mix (its calls are all "general" without one); handling
 * by call type names a type of any mix, since a 101 caller who rings 999 keeps the call's type.
 */
function callTypeProblems(s: Scenario, add: (path: string, message: string) => void) {
  const typesOf = (c: Channel) => Object.keys(mixOf(s, c));
  for (const c of PHONE_CHANNELS) {
    const types = typesOf(c);
    const expected = s.demand.channels[c]?.mix
      ? `expected a call type of ${c}'s mix, one of ${oneOf(types)}`
      : `expected "general" (${c} has no call-type mix, so all its calls are general)`;
    for (const type of Object.keys(s.diversion[c] ?? {})) if (!types.includes(type)) add(`diversion.${c}.${type}`, `${expected}, got "${type}"`);
  }
  const anyType = [...new Set(CHANNELS.flatMap(typesOf))];
  for (const c of CHANNELS)
    for (const type of Object.keys(s.handling[c]?.byCallType ?? {}))
      if (!anyType.includes(type)) add(`handling.${c}.byCallType.${type}`, `expected a call type of the demand's mixes, one of ${oneOf(anyType)}, got "${type}"`);
}

/** A profile that is all zeros would silently give the channel no demand at all. */
function factorProblems(path: string, d: { hourOfWeek?: readonly number[] | string | undefined; month?: readonly number[] | string | undefined }, add: (path: string, message: string) => void) {
  for (const key of ['hourOfWeek', 'month'] as const) {
    const f = d[key];
    if (Array.isArray(f) && !f.some((x) => x > 0)) add(`${path}.${key}`, `expected at least one factor > 0, got all ${f.length} zero (set callsPerDay to 0 for no demand)`);
  }
}
