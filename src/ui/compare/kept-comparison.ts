/**
 * A comparison as it is kept between visits: the reports of the scenarios compared and each pair as
 * plain data, under the ids of the scenarios compared (the baseline first), so Compare shows it
 * again after a reload while none of those scenarios has changed.
 */
import type { NamedReport, PairedData } from '../run/runner.svelte.ts';

export interface KeptComparison {
  reports: NamedReport[];
  pairs: PairedData[];
}

/** Comparisons kept between visits; the oldest is dropped past this many. */
export const KEPT_COMPARISONS = 10;

/** The key a comparison is kept under. */
export const comparisonId = (ids: readonly string[]): string => JSON.stringify(ids);

/** The scenarios a kept comparison is of, the baseline first. */
export const comparedIds = (id: string): string[] => JSON.parse(id) as string[];
