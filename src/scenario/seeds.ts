/**
 * Named demand profiles shipped in seeds/, so a scenario can say `"hourOfWeek": "uk-999-hour-of-week"`
 * instead of 168 numbers. Imported as JSON, so the CLI and the browser resolve names identically.
 */
import profiles from '../../seeds/demand-profiles.json';

type ProfileName = keyof typeof profiles.profiles;

export const SEED_PROFILE_NAMES = Object.keys(profiles.profiles) as [ProfileName, ...ProfileName[]];

export function seedProfile(name: string): readonly number[] {
  const profile = (profiles.profiles as Record<string, { factors: number[] }>)[name];
  if (!profile) throw new Error(`unknown seed profile "${name}"`);
  return profile.factors;
}
