/**
 * The call types a channel's contacts come as: its mix, or, for a channel without one, a single
 * type, "general". The model draws types from it and the cross-field checks name its types.
 */
import type { Channel, Scenario } from './schema.ts';

export const GENERAL_TYPE = 'general';

/** Relative weight of each call type on `channel`. */
export function mixOf(s: Scenario, channel: Channel): Readonly<Record<string, number>> {
  return s.demand.channels[channel]?.mix ?? { [GENERAL_TYPE]: 1 };
}
