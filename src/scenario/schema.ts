/**
 * The scenario format: one zod schema, the single definition of what a scenario may contain and
 * of every default. Handling and patience times are in minutes, answer targets in seconds, the
 * online target in hours. Field-level rules live here; rules that relate fields (a shift naming a
 * group that exists, warm-up shorter than the horizon) live in `check.ts`.
 */
import { z } from '../shared/zod.ts';
import { DIST_NAMES } from '../engine/index.ts';
import { SEED_PROFILE_NAMES } from './seeds.ts';
import { triageConfigSchema } from '../triage/schema.ts';
import { WEEKDAYS } from '../shared/time.ts';
import { ID_PATTERN } from '../shared/id.ts';
import { oneOf } from '../shared/problems.ts';

export const CHANNELS = ['999', '101', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PHONE_CHANNELS = ['999', '101'] as const;

const nonNegative = () => z.number().min(0).max(1e12);
const positive = () => z.number().gt(0).max(1e12);
const share = () => z.number().min(0).max(1);
/**
 * Staff on one shift, in `fixed`, or desks in a room: a national control room has a few hundred, so
 * ten thousand is generous, and it is a count the model holds exactly.
 */
export const MAX_HEADCOUNT = 10_000;
/** Ten per day over a ten-year horizon; far past any calendar of events, and cheap to hold. */
export const MAX_SPECIAL_DAYS = 36_600;
const headcount = () => z.number().int().min(0).max(MAX_HEADCOUNT);
const wholeNonNegative = () => z.number().int().min(0).max(1e6);
const isoDate = () =>
  z.iso.date({ error: (issue) => `expected a date as YYYY-MM-DD, got ${JSON.stringify(issue.input)}` });
const clock = () =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `expected a time as HH:MM (00:00–23:59), got ${JSON.stringify(issue.input)}` });
const id = () => z.string().regex(ID_PATTERN, { error: 'expected an id of letters, digits, - and _' });

/** One record keyed by channel, every channel optional. */
const byChannel = <T extends z.ZodType>(schema: T) =>
  z.strictObject({ '999': schema.optional(), '101': schema.optional(), online: schema.optional() });

export const distSchema = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ dist: z.literal('fixed'), value: nonNegative() }),
    z.strictObject({ dist: z.literal('exponential'), mean: positive() }),
    z.strictObject({ dist: z.literal('lognormal'), mean: positive(), sd: nonNegative() }),
    z.strictObject({ dist: z.literal('gamma'), mean: positive(), sd: nonNegative() }),
    z.strictObject({ dist: z.literal('uniform'), min: nonNegative(), max: nonNegative() }),
    z.strictObject({ dist: z.literal('triangular'), min: nonNegative(), mode: nonNegative(), max: nonNegative() }),
    z.strictObject({
      dist: z.literal('empirical'),
      values: z.array(z.strictObject({ value: nonNegative(), weight: nonNegative() })).min(1),
    }),
  ],
  {
    error: (issue) => {
      const given = (issue.input as { dist?: unknown } | undefined)?.dist;
      return `expected one of ${oneOf(DIST_NAMES)}, got ${given === undefined ? 'nothing' : JSON.stringify(given)}`;
    },
  },
);

/** Either the name of a profile shipped in seeds/ or the factors themselves. */
const factors = (n: number) =>
  z.union([z.array(nonNegative()).length(n), z.enum(SEED_PROFILE_NAMES)], {
    error: (issue) =>
      Array.isArray(issue.input)
        ? `expected exactly ${n} factors ≥ 0, got a list of ${issue.input.length}`
        : `expected ${n} factors or one of ${oneOf(SEED_PROFILE_NAMES)}, got ${JSON.stringify(issue.input)}`,
  });

const channelDemandSchema = z.strictObject({
  callsPerDay: nonNegative(),
  hourOfWeek: factors(168).optional(),
  month: factors(12).optional(),
  /** Relative weight of each call type on this channel; normalised by the model. */
  mix: z.record(id(), nonNegative()).optional(),
});

export const demandSchema = z.strictObject({
  profile: z.enum(['flat', 'weekly']).default('flat'),
  hourOfWeek: factors(168).optional(),
  month: factors(12).optional(),
  /** Days whose demand differs: the factor multiplies the channels named (default all) between the hours given. */
  specialDays: z
    .array(
      z.strictObject({
        date: isoDate(),
        factor: nonNegative(),
        name: z.string().optional(),
        channels: z.array(z.enum(CHANNELS)).min(1).optional(),
        fromHour: z.number().int().min(0).max(23).default(0),
        toHour: z.number().int().min(1).max(24).default(24),
      }),
    )
    .max(MAX_SPECIAL_DAYS)
    .default([]),
  /**
   * 999 calls taken for neighbouring forces whose lines are swamped: extra streams on this force's
   * 999 queue, each with its own level, hour-of-week shape and dates (none: the whole run). They
   * take the 999 mix, handling and patience; no month or special-day factor applies to them.
   */
  neighbourOverflow: z
    .array(
      z.strictObject({
        name: z.string().optional(),
        from: isoDate().optional(),
        to: isoDate().optional(),
        callsPerDay: nonNegative(),
        hourOfWeek: factors(168).optional(),
      }),
    )
    .default([]),
  channels: byChannel(channelDemandSchema),
});

const handlingSchema = z.strictObject({
  talkMinutes: distSchema,
  wrapMinutes: distSchema.default({ dist: 'fixed', value: 0 }),
  byCallType: z
    .record(id(), z.strictObject({ talkMinutes: distSchema.optional(), wrapMinutes: distSchema.optional() }))
    .default({}),
});

/**
 * Calls per caller and matter. The default never bites in the shipped scenarios (in their worst
 * surge hours a caller who redials with probability 0.9 may ring twenty times or more); it is there
 * so that no combination rings forever. The cap is what a call's slot holds.
 */
export const DEFAULT_MAX_ATTEMPTS = 50;
export const MAX_ATTEMPTS = 100;

const redialSchema = z.strictObject({
  /** Probability an abandoned caller rings back. */
  probability: share(),
  delayMinutes: distSchema,
  /** Of those who ring back after abandoning 101, the share who ring 999 instead. */
  to999: share().default(0),
  /**
   * The most calls one caller makes about one matter: the first call and up to maxAttempts − 1
   * redials. A caller who hangs up on the last of them, and would have rung again, gives up
   * (counted as `gaveUp`). Without a bound, patience 0 and probability 1 would ring forever.
   */
  maxAttempts: z.number().int().min(1).max(MAX_ATTEMPTS).default(DEFAULT_MAX_ATTEMPTS),
});

export const groupSchema = z.strictObject({
  id: id(),
  name: z.string().optional(),
  skills: z.array(z.enum(CHANNELS)).min(1),
  costPerHour: nonNegative().default(0),
  /** Works from a desk in the room (counts against the desk cap). */
  usesDesk: z.boolean().default(true),
});

const breakSchema = z.strictObject({ afterMinutes: nonNegative(), minutes: positive(), paid: z.boolean().default(false) });

export const shiftSchema = z.strictObject({
  group: id(),
  name: z.string().optional(),
  start: clock(),
  hours: z.number().gt(0).max(24),
  days: z.array(z.enum(WEEKDAYS)).min(1).default([...WEEKDAYS]),
  staff: headcount(),
  breaks: z.array(breakSchema).default([]),
});

export const staffingSchema = z.strictObject({
  /** A constant number of all-skilled handlers on duty, instead of groups and shifts. */
  fixed: headcount().optional(),
  groups: z.array(groupSchema).optional(),
  shifts: z.array(shiftSchema).optional(),
  /** Share of rostered staff absent (sickness, training, abstraction), drawn per shift per day. */
  shrinkage: z.number().min(0).max(0.95).default(0),
});

export const deskPeriodSchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
  /** Desks usable at once; staff beyond them cannot take calls. */
  usable: headcount(),
  /** Staff on duty at any moment who are shielding and so not on the floor. */
  shielding: headcount().default(0),
  /** Share of the desk-based staff on duty who are shielding (scales with the size of the floor). */
  shieldingShare: z.number().min(0).max(0.9).default(0),
});

export const targetsSchema = z.strictObject({
  '999': z.strictObject({ seconds: nonNegative().default(10), share: share().default(0.9) }).default({ seconds: 10, share: 0.9 }),
  '101': z.strictObject({ seconds: nonNegative().default(60), share: share().default(0.8) }).default({ seconds: 60, share: 0.8 }),
  online: z.strictObject({ hours: positive().default(24), share: share().default(0.9) }).default({ hours: 24, share: 0.9 }),
});

/**
 * What the rota optimiser (`occsim optimise`) may propose: the shift templates a force can roster,
 * the limits it must respect, and how hard to look. Absent templates are derived from the current
 * shifts (their groups, lengths and break plans, starting on any hour).
 */
export const shiftTemplateSchema = z.strictObject({
  group: id(),
  /** Allowed start times. */
  starts: z.array(clock()).min(1),
  /** Allowed lengths in hours. */
  hours: z.array(z.number().gt(0).max(24)).min(1),
  /** Day patterns: each shift runs with the same staff on every day of one pattern (default: each day on its own). */
  days: z
    .array(z.array(z.enum(WEEKDAYS)).min(1))
    .min(1)
    .default(WEEKDAYS.map((d) => [d])),
  /** Alternative break plans; every one must fit every length (default: no breaks). */
  breakPlans: z.array(z.array(breakSchema)).min(1).default([[]]),
});

export const optimiseSchema = z.strictObject({
  templates: z.array(shiftTemplateSchema).min(1).optional(),
  /** No hour of the week below this share answered in target (judged on the mean), per phone channel. */
  hourFloor: z.strictObject({ '999': share().optional(), '101': share().optional() }).default({}),
  /** Most staff of a group on duty at once, by group id. */
  maxOnDuty: z.record(id(), headcount()).default({}),
  /** Keep the current rota: change at most this many person-shifts a week (one person on one shift on one day). */
  maxChanges: wholeNonNegative().optional(),
  /** Replications per simulation while optimising, and measured weeks in each. */
  replications: z.number().int().min(2).max(100).default(4),
  weeks: z.number().int().min(1).max(8).default(2),
  /** Rounds of the iterative staffing algorithm, and of cuts after the integer programme. */
  iterations: z.number().int().min(1).max(30).default(6),
  cutRounds: z.number().int().min(0).max(30).default(4),
});

/** A century: longer horizons are a slip of the keyboard, and would stress date arithmetic. */
export const MAX_HORIZON_DAYS = 36_600;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z
    .union([z.string().max(200), z.number()], { error: (issue) => `expected text or a number, got ${issue.input === null ? 'null' : Array.isArray(issue.input) ? 'a list' : typeof issue.input}` })
    .transform(String)
    .optional(),
  horizon: z.strictObject({
    startDate: isoDate().default('2025-01-06'),
    days: z.number().int().min(1).max(MAX_HORIZON_DAYS),
    warmupDays: z.number().int().min(0).default(0),
  }),
  demand: demandSchema,
  handling: byChannel(handlingSchema),
  patience: byChannel(distSchema).default({}),
  redial: byChannel(redialSchema).default({}),
  /**
   * The 101 triage step: a first step before the 101 handlers' queue that routes some fresh 101 calls
   * elsewhere, as Warwickshire introduced to cut 101 waits. `automated` (a recorded menu) routes
   * callers as they ring, with no handler time; `staffed` (a handler screens every 101 call first)
   * routes them when answered, after `screenMinutes` of handler time, and the calls that stay carry
   * those minutes on top of their handling. Routed online, a call becomes an online report; to
   * another team, it leaves the OCC; to a call-back, a 101 handler rings the caller back, after the
   * live 101 calls, and the call-back is counted apart against `callbackHours`.
   */
  triage101: z
    .strictObject({
      mode: z.enum(['automated', 'staffed']),
      toOnline: share().default(0),
      toCallback: share().default(0),
      toOtherTeam: share().default(0),
      screenMinutes: distSchema.optional(),
      callbackHours: positive().default(2),
    })
    .optional(),
  /** Share of each call type, per phone channel, reported online instead. */
  diversion: z.strictObject({ '999': z.record(id(), share()).optional(), '101': z.record(id(), share()).optional() }).default({}),
  staffing: staffingSchema,
  desks: z.strictObject({ periods: z.array(deskPeriodSchema).default([]) }).default({ periods: [] }),
  triage: triageConfigSchema.default({ enabled: false }),
  targets: targetsSchema.default({
    '999': { seconds: 10, share: 0.9 },
    '101': { seconds: 60, share: 0.8 },
    online: { hours: 24, share: 0.9 },
  }),
  optimise: optimiseSchema.optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type DistSpecInput = z.output<typeof distSchema>;
export type Group = z.output<typeof groupSchema>;
export type Shift = z.output<typeof shiftSchema>;
export type ShiftTemplate = z.output<typeof shiftTemplateSchema>;
export type OptimiseSettings = z.output<typeof optimiseSchema>;
