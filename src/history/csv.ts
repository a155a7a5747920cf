/**
 * Importing call history from CSV, streamed line by line: rows are folded into hourly bins as
 * they arrive (memory grows with the days covered, never with the rows), and every skipped row is
 * counted by reason with a row-numbered message for the first few hundred.
 *
 * Two layouts, told apart by the header:
 *   one row per call      timestamp,channel[,callType]
 *   counts per interval   interval start,channel,count[,callType]   (intervals of an hour or less)
 *
 * `HistoryAccumulator` is the pure core (fields in, hourly counts out); `parseHistory` feeds it the
 * lines of a string, a browser File or a Node readable stream (see csv-lines.ts), so the CLI and
 * the web worker share everything but the way they open the file.
 */
import { MAX_LINE_CHARS, detectDelimiter, readLines, splitLine, type Source } from './csv-lines.ts';
import { parseLocalTimestamp } from './timestamps.ts';
import {
  isChannel,
  type Channel,
  type HistoryImport,
  type HourlySeries,
  type ImportProblem,
  type ProblemReason,
} from './types.ts';


export const MAX_PROBLEMS = 200;

const ALIASES: Record<string, string> = {
  timestamp: 'time',
  time: 'time',
  datetime: 'time',
  date: 'date',
  calldate: 'date',
  received: 'time',
  calltime: 'time',
  intervalstart: 'start',
  interval: 'start',
  start: 'start',
  periodstart: 'start',
  channel: 'channel',
  calltype: 'callType',
  type: 'callType',
  count: 'count',
  calls: 'count',
};

function normaliseHeader(field: string): string | undefined {
  return ALIASES[field.trim().toLowerCase().replace(/^\ufeff/, '').replace(/[\s_\-]+/g, '')];
}

/** Raised when the header names neither layout: nothing can be read. */
export class HeaderError extends Error {}

export class HistoryAccumulator {
  private format: 'calls' | 'counts' | undefined;
  private col: { date: number; time: number; channel: number; callType: number; count: number } = {
    date: -1,
    time: -1,
    channel: -1,
    callType: -1,
    count: -1,
  };
  private readonly hourly: Partial<Record<Channel, HourlySeries>> = {};
  private readonly callTypes: Partial<Record<Channel, Record<string, number>>> = {};
  private readonly problems: ImportProblem[] = [];
  private readonly byReason: Partial<Record<ProblemReason, number>> = {};
  private readonly notes: string[] = [];
  private read = 0;
  private used = 0;
  private skipped = 0;
  private blank = 0;
  /** Distinct clock times (minute of day) seen in a counts file, to spot daily or coarser counts. */
  private readonly clockTimes = new Set<number>();
  private pendingBlank = 0;

  constructor(private readonly maxProblems = MAX_PROBLEMS) {}

  /** Reads the header row; throws HeaderError when it names neither layout. */
  header(fields: string[]): void {
    const names = fields.map(normaliseHeader);
    const at = (name: string) => names.indexOf(name);
    this.col = { date: at('date'), time: at('time'), channel: at('channel'), callType: at('callType'), count: at('count') };
    // A lone "date" column is the timestamp; beside a "time" column the two are joined.
    if (this.col.time < 0 && this.col.date >= 0) [this.col.time, this.col.date] = [this.col.date, -1];
    if (this.col.time < 0) this.col.time = at('start');
    else if (at('start') >= 0 && this.col.count >= 0) this.col.time = at('start');
    if (this.col.channel < 0 || this.col.time < 0) {
      throw new HeaderError(
        `header "${fields.join(',')}" names neither layout: expected "timestamp,channel[,callType]" ` +
          `(one row per call) or "interval start,channel,count" (counts per interval)`,
      );
    }
    this.format = this.col.count >= 0 ? 'counts' : 'calls';
    const ignored = fields.filter((_, i) => names[i] === undefined);
    if (ignored.length) this.notes.push(`ignored column${ignored.length > 1 ? 's' : ''}: ${ignored.join(', ')}`);
  }

  /** Folds one data row in; `row` is its 1-based row in the file (header = row 1). */
  row(fields: string[], row: number, syntaxError?: string): void {
    if (this.format === undefined) throw new Error('HistoryAccumulator: header() must come first');
    if (!syntaxError && fields.length === 1 && fields[0]!.trim() === '') {
      // Counted once a data row follows: papaparse reports a final newline as an empty row.
      this.pendingBlank++;
      return;
    }
    this.blank += this.pendingBlank;
    this.pendingBlank = 0;
    this.read++;
    if (syntaxError) return this.skip(row, 'csv-syntax', syntaxError);
    const timeText = this.col.date >= 0 ? `${fields[this.col.date]?.trim() ?? ''} ${fields[this.col.time]?.trim() ?? ''}`.trim() : fields[this.col.time];
    const channelText = fields[this.col.channel];
    const what = this.format === 'calls' ? 'timestamp' : 'interval start';
    if (timeText === undefined || timeText.trim() === '') return this.skip(row, 'missing-field', `${what} is empty`);
    if (channelText === undefined || channelText.trim() === '') return this.skip(row, 'missing-field', 'channel is empty');
    const time = parseLocalTimestamp(timeText);
    if (!time) {
      return this.skip(row, 'bad-timestamp', `${what} "${timeText}" is not a date (expected e.g. 2024-03-01T14:05:00)`);
    }
    const channel = channelText.trim().toLowerCase();
    if (!isChannel(channel)) {
      return this.skip(row, 'bad-channel', `channel "${channelText}" is not one of 999, 101, online`);
    }
    let count = 1;
    if (this.format === 'counts') {
      const countText = fields[this.col.count];
      if (countText === undefined || countText.trim() === '') return this.skip(row, 'missing-field', 'count is empty');
      count = Number(countText);
      if (!Number.isFinite(count) || count < 0) {
        return this.skip(row, 'bad-count', `count "${countText}" is not a number of calls (0 or more)`);
      }
    }
    // A count of zero in the skipped hour (a tool listing every interval) loses nothing.
    if (time.inGap && count > 0)
      return this.skip(row, 'clock-gap', `${what} "${timeText}" is in the hour the clocks skip (01:00–02:00 London time); give it with its UTC offset`);
    if (this.format === 'counts' && this.clockTimes.size < 2) this.clockTimes.add(time.hour * 60 + time.minute);
    const series = (this.hourly[channel] ??= new Map());
    let day = series.get(time.day);
    if (!day) series.set(time.day, (day = new Float64Array(24)));
    day[time.hour]! += count;
    const callType = this.col.callType >= 0 ? fields[this.col.callType]?.trim() : undefined;
    if (callType) {
      // No prototype: a call type named "constructor" or "__proto__" is just a name.
      const types = (this.callTypes[channel] ??= Object.create(null) as Record<string, number>);
      types[callType] = (types[callType] ?? 0) + count;
    }
    this.used++;
  }

  private skip(row: number, reason: ProblemReason, message: string): void {
    this.skipped++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.problems.length < this.maxProblems) this.problems.push({ row, reason, message: `row ${row.toLocaleString('en-GB')}: ${message}` });
  }

  result(): HistoryImport {
    const notes = [...this.notes];
    if (this.format === 'counts' && this.used > 24 && this.clockTimes.size === 1) {
      notes.push('every interval starts at the same time of day: these look like daily (or coarser) counts, which all land in one hour, so the hour-of-week shape cannot be fitted from them; give intervals of an hour or less');
    }
    return {
      format: this.format ?? 'calls',
      hourly: this.hourly,
      callTypes: this.callTypes,
      rows: { read: this.read, used: this.used, skipped: this.skipped, blank: this.blank, byReason: { ...this.byReason } },
      problems: [...this.problems],
      notes,
    };
  }
}

export interface ParseProgress {
  /** Data rows seen so far. */
  rows: number;
  /** Characters (string input) or bytes (file, stream) consumed so far. */
  cursor: number;
}

export interface ParseOptions {
  /** Called about every `progressEvery` rows and once at the end. */
  onProgress?: (p: ParseProgress) => void;
  progressEvery?: number;
  /** Checked at each progress report; when it returns true the parse stops and rejects. */
  cancelled?: () => boolean;
  maxProblems?: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/**
 * Streams a CSV of call history line by line. `source` is a string, a browser File/Blob (read in
 * chunks; use it in a worker) or a Node readable stream (the CLI's fs.createReadStream).
 */
export async function parseHistory(source: Source, options: ParseOptions = {}): Promise<HistoryImport> {
  const acc = new HistoryAccumulator(options.maxProblems);
  const every = options.progressEvery ?? 20_000;
  let delimiter = ',';
  let rows = 0;
  let cursor = 0;
  for await (const line of readLines(source)) {
    cursor = line.cursor;
    if (line.number === 1) {
      delimiter = detectDelimiter(line.text);
      const header = splitLine(line.text, delimiter);
      if (header.error) throw new HeaderError(`header: ${header.error}`);
      acc.header(header.fields);
      continue;
    }
    rows++;
    const { fields, error } = line.tooLong ? { fields: [line.text], error: `longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters` } : splitLine(line.text, delimiter);
    acc.row(fields, line.number, error);
    if (rows % every === 0) {
      options.onProgress?.({ rows, cursor });
      if (options.cancelled?.()) throw new ImportCancelled();
    }
  }
  if (cursor === 0) throw new HeaderError('the file is empty: expected a header row');
  options.onProgress?.({ rows, cursor });
  return acc.result();
}

/** Total calls per channel in an import. */
export function totalCalls(history: HistoryImport): Partial<Record<Channel, number>> {
  const out: Partial<Record<Channel, number>> = {};
  for (const [channel, series] of Object.entries(history.hourly) as [Channel, HourlySeries][]) {
    let sum = 0;
    for (const day of series.values()) for (const v of day) sum += v;
    out[channel] = sum;
  }
  return out;
}
