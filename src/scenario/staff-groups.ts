/**
 * The staff groups a scenario implies: its own groups, or for `staffing.fixed` a single group of
 * all-skilled handlers.
 */
import { CHANNELS, type Channel, type Group, type Scenario } from './schema.ts';

export const FIXED_GROUP_ID = 'handlers';

export function groupsOf(staffing: Scenario['staffing']): Group[] {
  if (staffing.fixed !== undefined)
    return [{ id: FIXED_GROUP_ID, name: 'All-skilled handlers', skills: [...CHANNELS], costPerHour: 0, usesDesk: true }];
  return staffing.groups ?? [];
}

export function skillsOf(staffing: Scenario['staffing']): Set<Channel> {
  return new Set(groupsOf(staffing).flatMap((g) => g.skills));
}
