import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { HeaderError, HistoryAccumulator, parseHistory, totalCalls } from '../../src/history/csv.ts';
import { dayNumber } from '../../src/history/dates.ts';
import { parseLocalTimestamp } from '../../src/history/timestamps.ts';

describe('parseHistory', () => {
  it('reads one row per call into hourly bins by channel and call type', async () => {
    const h = await parseHistory(
      'timestamp,channel,callType\n2024-03-01T14:05:00,999,domestic\n2024-03-01T14:59:59,999,asb\n2024-03-01T15:00:00,101,asb\n',
    );
    expect(h.format).toBe('calls');
    expect(h.rows).toEqual({ read: 3, used: 3, skipped: 0, blank: 0, byReason: {} });
    const day = dayNumber(2024, 3, 1);
    expect(h.hourly['999']!.get(day)![14]).toBe(2);
    expect(h.hourly['101']!.get(day)![15]).toBe(1);
    expect(h.callTypes['999']).toEqual({ domestic: 1, asb: 1 });
  });

  it('reads counts per interval, summing 15-minute intervals into the hour', async () => {
    const h = await parseHistory('interval start,channel,count\n2024-03-01 14:00,999,4\n2024-03-01 14:15,999,6\n2024-03-01 14:00,online,2\n');
    expect(h.format).toBe('counts');
    expect(h.hourly['999']!.get(dayNumber(2024, 3, 1))![14]).toBe(10);
    expect(totalCalls(h)).toEqual({ '999': 10, online: 2 });
  });

  it('skips bad rows with row-numbered messages and counts them by reason', async () => {
    const csv = [
      'timestamp,channel',
      '2020-02-29T10:00:00,999',
      '31/02/2020 25:00,999',
      '2020-03-01T10:00:00,112',
      ',101',
      '2020-03-01T10:00:00',
      '',
      '2020-03-01T11:00:00,Online',
    ].join('\n');
    const h = await parseHistory(csv);
    expect(h.rows).toMatchObject({ read: 6, used: 2, skipped: 4, blank: 1 });
    expect(h.rows.byReason).toEqual({ 'bad-timestamp': 1, 'bad-channel': 1, 'missing-field': 2 });
    expect(h.problems.map((p) => p.message)).toEqual([
      'row 3: timestamp "31/02/2020 25:00" is not a date (expected e.g. 2024-03-01T14:05:00)',
      'row 4: channel "112" is not one of 999, 101, online',
      'row 5: timestamp is empty',
      'row 6: channel is empty',
    ]);
  });

  it('numbers rows with thousands separators, as the user sees them', async () => {
    const rows = ['timestamp,channel'];
    for (let i = 0; i < 1202; i++) rows.push('2024-01-01T00:00:00,999');
    rows.push('31/02/2020 25:00,999');
    const h = await parseHistory(rows.join('\n'));
    expect(h.problems[0]!.message).toMatch(/^row 1,204: timestamp "31\/02\/2020 25:00" is not a date/);
  });

  it('rejects counts that are not a number of calls', async () => {
    const h = await parseHistory('start,channel,count\n2024-01-01T00:00,999,-1\n2024-01-01T00:00,999,lots\n');
    expect(h.rows.byReason).toEqual({ 'bad-count': 2 });
  });

  it('reports malformed quoting as a CSV problem on its row', async () => {
    const h = await parseHistory('timestamp,channel\n2024-01-01T00:00,999\n2024-01-01T00:00,"999\n');
    expect(h.rows.byReason['csv-syntax']).toBe(1);
    expect(h.problems[0]!.row).toBe(3);
  });

  it('fails on a header that names neither layout, and on an empty file', async () => {
    await expect(parseHistory('when,where\n1,2\n')).rejects.toBeInstanceOf(HeaderError);
    await expect(parseHistory('')).rejects.toBeInstanceOf(HeaderError);
  });

  it('notes ignored columns and accepts header aliases and a byte-order mark', async () => {
    const h = await parseHistory('\ufeffCall Time,Channel,Officer\n2024-01-01T09:00,101,PC 1\n');
    expect(h.rows.used).toBe(1);
    expect(h.notes).toEqual(['ignored column: Officer']);
  });

  it('caps the stored messages but keeps every count', async () => {
    const rows = ['timestamp,channel'];
    for (let i = 0; i < 500; i++) rows.push('nope,999');
    const h = await parseHistory(rows.join('\n'), { maxProblems: 10 });
    expect(h.problems).toHaveLength(10);
    expect(h.rows.skipped).toBe(500);
  });

  it('streams a Node readable in chunks with progress', async () => {
    const lines = ['timestamp,channel'];
    for (let i = 0; i < 30_000; i++) lines.push(`2024-01-0${1 + (i % 7)}T${String(i % 24).padStart(2, '0')}:30:00,101`);
    const text = lines.join('\n') + '\n';
    const chunks = text.match(/[\s\S]{1,4096}/g)!;
    const progress: number[] = [];
    const h = await parseHistory(Readable.from(chunks), { progressEvery: 10_000, onProgress: (p) => progress.push(p.rows) });
    expect(h.rows.used).toBe(30_000);
    expect(progress).toEqual([10_000, 20_000, 30_000, 30_000]);
  });

  it('stops when cancelled', async () => {
    const rows = ['timestamp,channel'];
    for (let i = 0; i < 5000; i++) rows.push('2024-01-01T00:00,999');
    await expect(parseHistory(rows.join('\n'), { progressEvery: 1000, cancelled: () => true })).rejects.toThrow('cancelled');
  });
});

describe('HistoryAccumulator', () => {
  it('needs the header first', () => {
    expect(() => new HistoryAccumulator().row(['x'], 2)).toThrow();
  });
});

describe('parseLocalTimestamp', () => {
  it('reads ISO local time as London clock time', () => {
    expect(parseLocalTimestamp('2024-07-01T23:30:00')).toEqual({ day: dayNumber(2024, 7, 1), hour: 23, minute: 30 });
  });
  it('converts UTC and offsets using British Summer Time', () => {
    expect(parseLocalTimestamp('2024-07-01T23:30:00Z')).toEqual({ day: dayNumber(2024, 7, 2), hour: 0, minute: 30 });
    expect(parseLocalTimestamp('2024-01-01T23:30:00Z')).toEqual({ day: dayNumber(2024, 1, 1), hour: 23, minute: 30 });
    expect(parseLocalTimestamp('2024-07-01T12:00:00+02:00')).toMatchObject({ hour: 11 });
    // Clocks went forward at 01:00 UTC on 31 March 2024.
    expect(parseLocalTimestamp('2024-03-31T00:59:00Z')).toMatchObject({ hour: 0 });
    expect(parseLocalTimestamp('2024-03-31T01:00:00Z')).toMatchObject({ hour: 2 });
  });
  it('accepts UK day-first dates and rejects impossible ones', () => {
    expect(parseLocalTimestamp('29/02/2024 13:05')).toEqual({ day: dayNumber(2024, 2, 29), hour: 13, minute: 5 });
    expect(parseLocalTimestamp('29/02/2023 13:05')).toBeUndefined();
    expect(parseLocalTimestamp('2024-01-01T24:00:00')).toBeUndefined();
    expect(parseLocalTimestamp('yesterday')).toBeUndefined();
  });
});

describe('counts files', () => {
  it('notes counts that look daily rather than hourly', async () => {
    const rows = ['interval start,channel,count'];
    for (let d = 1; d <= 28; d++) rows.push(`2024-02-${String(d).padStart(2, '0')}T00:00,999,500`);
    const h = await parseHistory(rows.join('\n'));
    expect(h.notes.join(' ')).toMatch(/look like daily/);
  });
});

describe('separate date and time columns', () => {
  it('joins them into one timestamp', async () => {
    const h = await parseHistory('Date,Time,Channel\n01/03/2024,14:05,999\n2024-03-01,15:30:00,101\n');
    expect(h.rows.skipped).toBe(0);
    expect(h.hourly['999']!.get(dayNumber(2024, 3, 1))![14]).toBe(1);
    expect(h.hourly['101']!.get(dayNumber(2024, 3, 1))![15]).toBe(1);
  });
});
