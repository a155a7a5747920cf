/**
 * Who can cover what. Each phone channel with demand is served by a pool of staff groups; its
 * requirement, hour by hour, is the number of that pool's staff needed on the floor. A pool that
 * contains a higher-priority channel's pool (the 999+101 handlers also answer 101) must carry that
 * channel's staff as well, so requirements are cumulative in priority order. Online work, with a
 * target in hours, is a day's work for the online-skilled groups rather than an hourly head count.
 */
import { groupsOf, type Scenario } from '../scenario/index.ts';
import { PHONE, type PhoneChannel } from '../plan/requirement.ts';

export interface PhonePool {
  channel: PhoneChannel;
  /** Groups skilled for the channel, the one to add staff to first (fewest skills, then cheapest) first. */
  groups: string[];
  /** Higher-priority channels whose whole pool lies inside this one. */
  carries: PhoneChannel[];
  target: { seconds: number; share: number };
}

export interface Pools {
  phone: PhonePool[];
  /** Groups skilled for online work, cheapest first; empty when there is no online demand. */
  online: string[];
}

export function poolsOf(scenario: Scenario): Pools {
  const groups = groupsOf(scenario.staffing);
  const skilled = (c: string) =>
    groups
      .filter((g) => (g.skills as string[]).includes(c))
      .sort((a, b) => a.skills.length - b.skills.length || a.costPerHour - b.costPerHour)
      .map((g) => g.id);
  const phone: PhonePool[] = [];
  for (const channel of PHONE) {
    if (!((scenario.demand.channels[channel]?.callsPerDay ?? 0) > 0)) continue;
    const own = skilled(channel);
    const carries = phone.filter((p) => p.groups.every((g) => own.includes(g))).map((p) => p.channel);
    phone.push({ channel, groups: own, carries, target: scenario.targets[channel] });
  }
  const divertsOnline = PHONE.some((c) => Object.values(scenario.diversion[c] ?? {}).some((x) => x > 0));
  const online = (scenario.demand.channels.online?.callsPerDay ?? 0) > 0 || divertsOnline ? skilled('online') : [];
  return { phone, online };
}
