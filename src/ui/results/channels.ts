/** Which channel the results charts and the comparison open on: the first that any report has contacts on. */
import type { Report } from '../../model/report.ts';

export type Channel = '999' | '101' | 'online';
export const CHANNELS: readonly Channel[] = ['999', '101', 'online'];

/** 999 when any scenario has 999 calls; a 101-only or online-only scenario opens on its own channel. */
export function shownChannel(reports: readonly Report[]): Channel {
  return CHANNELS.find((c) => reports.some((r) => (r.channels[c].offered.mean ?? 0) > 0)) ?? '999';
}
