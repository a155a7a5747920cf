/**
 * Vocabulary shared by the demand modules: channels, the hourly history an import produces, and
 * the row-numbered problems a user sees.
 */

export const CHANNELS = ['999', '101', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** Calls per local clock hour of each day, per channel: day number -> 24 counts. */
export type HourlySeries = Map<number, Float64Array>;

export interface ImportProblem {
  /** 1-based row in the file, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  reason: ProblemReason;
  message: string;
}

export type ProblemReason =
  | 'bad-timestamp'
  | 'bad-channel'
  | 'bad-count'
  | 'missing-field'
  | 'csv-syntax'
  | 'clock-gap';

export const REASON_TEXT: Record<ProblemReason, string> = {
  'bad-timestamp': 'timestamp is not a date',
  'bad-channel': 'channel is not 999, 101 or online',
  'bad-count': 'count is not a number of calls',
  'missing-field': 'a required field is empty or missing',
  'csv-syntax': 'the CSV itself is malformed (quotes, or a line far too long)',
  'clock-gap': 'local time in the hour the clocks skip in spring (it never happened)',
};

/** What an import of call history holds: hourly counts, never one record per call. */
export interface HistoryImport {
  format: 'calls' | 'counts';
  /** Per channel, calls per local hour (Europe/London clock time). */
  hourly: Partial<Record<Channel, HourlySeries>>;
  /** Per channel, total calls per call type (only when the file has a call type column). */
  callTypes: Partial<Record<Channel, Record<string, number>>>;
  rows: {
    /** Data rows read (the header not counted). */
    read: number;
    /** Rows used. */
    used: number;
    /** Blank lines (no data, not counted as read). */
    blank: number;
    /** Rows skipped, by reason. */
    skipped: number;
    byReason: Partial<Record<ProblemReason, number>>;
  };
  /** The first problems in file order (capped; rows.byReason has every count). */
  problems: ImportProblem[];
  /** Notes about the file as a whole (ignored columns, ...). */
  notes: string[];
}
