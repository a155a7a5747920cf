/**
 * Call types and what hangs off them: the mix per channel, handling time per (channel, type),
 * and the share of each type diverted online. Types are numbered once per scenario so the hot
 * loop indexes flat arrays instead of looking up strings.
 */
import { discrete, sampler, type Random, type Sampler } from '../engine/index.ts';
import { CHANNELS, PHONE_CHANNELS, type Channel, type Scenario } from '../scenario/index.ts';
import { own } from '../shared/own.ts';

export const GENERAL_TYPE = 'general';

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
