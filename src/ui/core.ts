/**
 * The UI's one doorway into the simulation core, so panels import from one place and the bundle
 * shows what the page uses of src/scenario, src/stats and src/engine.
 */
export {
  parseScenario,
  groupsOf,
  CHANNELS,
  PHONE_CHANNELS,
  type Scenario,
  type Channel,
} from '../scenario/index.ts';
export { WEEKDAYS, type Weekday } from '../shared/time.ts';
export { seedProfile, SEED_PROFILE_NAMES } from '../scenario/seeds.ts';
export { DIST_NAMES, meanOf, type DistSpec } from '../engine/index.ts';
export { agentsNeeded } from '../stats/erlang.ts';
export { rotaCost } from '../model/rota.ts';
