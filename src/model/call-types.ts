/**
 * Call types and what hangs off them: the mix per channel, handling time per (channel, type),
 * and the share of each type diverted online. Types are numbered once per scenario so the hot
 * loop indexes flat arrays instead of looking up strings. Also the mean handling time, the one
 * definition the planner's formulas use: talk + wrap-up + the minutes triage adds on average.
 */
import { discrete, meanOf, sampler, type Random, type Sampler } from '../engine/index.ts';
import { CHANNELS, GENERAL_TYPE, mixOf, PHONE_CHANNELS, type Channel, type Scenario } from '../scenario/index.ts';
import { own } from '../shared/own.ts';
import { createTriageSampler, expectationOf } from '../triage/index.ts';

export interface CallTypeTables {
  /** Call-type ids in index order. */
  ids: string[];
  /** Per channel: draws a call-type index. */
  pick: ((random: Random) => number)[];
  /** Per channel × type (index ch·n + type): talk + wrap-up, in seconds. */
  handling: ((random: Random) => number)[];
  /** Per phone channel × type: probability the contact is reported online instead. */
  diversion: Float64Array;
}

export function callTypeTables(s: Scenario): CallTypeTables {
  const ids: string[] = [];
  const add = (id: string) => ids.includes(id) || ids.push(id);
  for (const c of CHANNELS) Object.keys(s.demand.channels[c]?.mix ?? {}).forEach(add);
  for (const c of PHONE_CHANNELS) Object.keys(s.diversion[c] ?? {}).forEach(add);
  if (ids.length === 0 || CHANNELS.some((c) => !s.demand.channels[c]?.mix)) add(GENERAL_TYPE);
  const n = ids.length;
  const index = (id: string) => ids.indexOf(id);

  const pick = CHANNELS.map((c) => {
    const mix = s.demand.channels[c]?.mix;
    if (!mix) {
      const general = index(GENERAL_TYPE);
      return () => general;
    }
    const entries = Object.entries(mix);
    const draw = discrete(entries.map(([, w]) => w));
    const types = entries.map(([id]) => index(id));
    return (random: Random) => types[draw(random)]!;
  });

  const handling: ((random: Random) => number)[] = [];
  for (const c of CHANNELS) {
    const h = s.handling[c];
    for (const id of ids) {
      if (!h) {
        handling.push(() => 0);
        continue;
      }
      const ownHandling = own(h.byCallType, id);
      const talk: Sampler = sampler(ownHandling?.talkMinutes ?? h.talkMinutes);
      const wrap: Sampler = sampler(ownHandling?.wrapMinutes ?? h.wrapMinutes);
      handling.push((random) => 60 * (talk(random) + wrap(random)));
    }
  }

  const diversion = new Float64Array(CHANNELS.length * n);
  for (const c of PHONE_CHANNELS)
    for (const [id, share] of Object.entries(s.diversion[c] ?? {})) diversion[channelIndex(c) * n + index(id)] = share;

  return { ids, pick, handling, diversion };
}

export function channelIndex(c: Channel): number {
  return CHANNELS.indexOf(c);
}

/**
 * Mean handling of a contact in seconds, per channel × type (index ch·n + type, as `handling`):
 * talk + wrap-up, plus, when triage is on, the extra minutes its outcome adds on average (a DASH
 * risk assessment on a domestic-abuse call, for example), as the simulation adds them to every contact.
 */
export function meanHandlingSeconds(s: Scenario, ids: readonly string[]): Float64Array {
  const triage = s.triage.enabled ? createTriageSampler(s.triage, ids) : null;
  const extra = ids.map((_, t) => (triage ? 60 * expectationOf(triage, t, (o) => o.extraMinutes) : 0));
  const out = new Float64Array(CHANNELS.length * ids.length);
  CHANNELS.forEach((c, ch) => {
    const h = s.handling[c];
    if (!h) return;
    ids.forEach((id, t) => {
      const byType = own(h.byCallType, id);
      out[ch * ids.length + t] = 60 * (meanOf(byType?.talkMinutes ?? h.talkMinutes) + meanOf(byType?.wrapMinutes ?? h.wrapMinutes)) + extra[t]!;
    });
  });
  return out;
}

/**
 * Per phone channel: the share of contacts diverted online, and the mean handling time (seconds) of
 * the contacts left on the phone, each call type weighted by its share of the mix after diversion.
 */
export function phoneHandling(s: Scenario): Record<(typeof PHONE_CHANNELS)[number], { ahtSeconds: number; diverted: number }> {
  const { ids } = callTypeTables(s);
  const means = meanHandlingSeconds(s, ids);
  const of = (channel: (typeof PHONE_CHANNELS)[number]) => {
    const ch = channelIndex(channel);
    const mix = Object.entries(mixOf(s, channel));
    const total = mix.reduce((sum, [, w]) => sum + w, 0);
    let diverted = 0;
    let kept = 0;
    let work = 0;
    for (const [id, w] of mix) {
      const share = total > 0 ? w / total : 0;
      const divert = own(s.diversion[channel], id) ?? 0;
      diverted += share * divert;
      kept += share * (1 - divert);
      work += share * (1 - divert) * means[ch * ids.length + ids.indexOf(id)]!;
    }
    return { ahtSeconds: kept > 0 ? work / kept : 0, diverted };
  };
  return { '999': of('999'), '101': of('101') };
}
