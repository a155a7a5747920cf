/**
 * Where a problem is, in the words on the screen rather than the file's path:
 * `staffing.shifts.0.hours` → "Shift 1 (Earlies (break plan A)): hours". The path stays the key
 * for linking to the field; this is only what the user reads. Unknown paths fall back to the path
 * with its dots as "›", so nothing is ever hidden.
 */
import { getAt } from '../workspace/workspace.svelte.ts';

const FIELDS: Record<string, string> = {
  callsPerDay: 'calls per day',
  hourOfWeek: 'hour-of-week shape',
  month: 'month factors',
  mix: 'call-type mix',
  talkMinutes: 'talk time',
  wrapMinutes: 'wrap-up time',
  byCallType: 'by call type',
  staff: 'staff',
  hours: 'hours',
  start: 'start time',
  days: 'days',
  group: 'group',
  breaks: 'breaks',
  afterMinutes: 'minutes before the break',
  minutes: 'length',
  skills: 'skills',
  costPerHour: 'cost per hour',
  id: 'id',
  name: 'name',
  usable: 'usable desks',
  shielding: 'staff shielding',
  shieldingShare: 'share shielding',
  from: 'from',
  to: 'to',
  seconds: 'answer target (seconds)',
  share: 'share within target',
  factor: 'factor',
  date: 'date',
  fromHour: 'from hour',
  toHour: 'to hour',
  warmupDays: 'warm-up days',
  startDate: 'start date',
  shrinkage: 'shrinkage',
  fixed: 'handlers on duty',
  probability: 'probability of ringing back',
  delayMinutes: 'delay before ringing back',
  to999: 'share ringing 999 instead',
};

const SECTION: Record<string, string> = {
  horizon: 'Period',
  demand: 'Demand',
  handling: 'Handling',
  patience: 'Caller patience',
  redial: 'Redial',
  diversion: 'Online diversion',
  staffing: 'Rota',
  desks: 'Desks',
  triage: 'Triage',
  targets: 'Targets',
};

/** A readable name for the place of `path` (dotted) in `draft`. */
export function problemPlace(draft: unknown, path: string): string {
  if (!path) return 'Scenario';
  const parts = path.split('.');
  const at = (n: number) => getAt(draft, parts.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  const named = (n: number) => {
    const v = at(n) as { name?: unknown } | undefined;
    return typeof v?.name === 'string' && v.name ? ` (${v.name})` : '';
  };
  const rest = (from: number) => parts.slice(from).map((p) => (/^\d+$/.test(p) ? `${Number(p) + 1}` : (FIELDS[p] ?? p))).join(' › ');
  const withRest = (thing: string, from: number) => (parts.length > from ? `${thing}: ${rest(from)}` : thing);
  const [head, second, third] = parts;

  if (head === 'staffing' && second === 'shifts' && third !== undefined) {
    if (parts[3] === 'breaks' && parts[4] !== undefined) return withRest(`Shift ${+third + 1}${named(3)}, break ${+parts[4] + 1}`, 5);
    return withRest(`Shift ${+third + 1}${named(3)}`, 3);
  }
  if (head === 'staffing' && second === 'groups' && third !== undefined) return withRest(`Staff group ${+third + 1}${named(3)}`, 3);
  if (head === 'desks' && second === 'periods' && third !== undefined) return withRest(`Desk period ${+third + 1}`, 3);
  if (head === 'demand' && second === 'specialDays' && third !== undefined) {
    const day = at(3) as { date?: unknown } | undefined;
    return withRest(`Special day ${+third + 1}${typeof day?.date === 'string' ? ` (${day.date})` : ''}`, 3);
  }
  if (head === 'demand' && second === 'channels' && third !== undefined) return withRest(`Demand, ${third}`, 3);
  if ((head === 'handling' || head === 'patience' || head === 'redial' || head === 'targets' || head === 'diversion') && second !== undefined)
    return withRest(`${SECTION[head]}, ${second}`, 2);
  if (head && SECTION[head]) return withRest(SECTION[head], 1);
  return parts.join(' › ');
}
