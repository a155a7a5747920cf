/**
 * Hostile and careless call-history files: every line is counted as used, skipped (with its row
 * and why) or blank, and no line can take the rest of the file with it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHistory } from '../../src/history/csv.ts';
import { splitLine } from '../../src/history/csv-lines.ts';
import { parseLocalTimestamp } from '../../src/history/timestamps.ts';
import { isoDate } from '../../src/history/dates.ts';

const counted = (h: Awaited<ReturnType<typeof parseHistory>>) => h.rows.used + h.rows.skipped;

describe('a stray quote', () => {
  it('costs its own row only: the rows after it are read', async () => {
    const rows = ['timestamp,channel', '2024-01-01T10:00,999', '2024-01-01T11:00,101', '2024-01-01T12:00,"999', '2024-01-01T13:00,999', '2024-01-01T14:00,online'];
    const h = await parseHistory(rows.join('\n') + '\n');
    expect(h.rows).toMatchObject({ read: 5, used: 4, skipped: 1 });
    expect(h.problems.map((p) => p.message)).toEqual(['row 4: quote opened at column 18 is not closed on this line']);
  });

  it('reads quoted fields with commas and doubled quotes', async () => {
    expect(splitLine('"2024-01-01 10:00",999,"theft, ""shop"""')).toEqual({ fields: ['2024-01-01 10:00', '999', 'theft, "shop"'] });
    expect(splitLine('a,"b"c').error).toBe('unexpected text after the closing quote at column 5');
    expect(splitLine('a,b"c').error).toBe('stray quote in field 2');
  });

  it('cuts a line with no end and carries on at the next', async () => {
    const h = await parseHistory(`timestamp,channel\n${'x'.repeat(100_000)}\n2024-01-01T10:00,999\n`);
    expect(h.rows).toMatchObject({ read: 2, used: 1, skipped: 1 });
    expect(h.problems[0]!.message).toBe('row 2: longer than 4,096 characters');
  });
});

describe('timestamps', () => {
  it('reads years 0000–0099 as themselves, and refuses years no history has', () => {
    expect(parseLocalTimestamp('0050-03-01T10:00')).toBeUndefined();
    expect(parseLocalTimestamp('2300-03-01T10:00')).toBeUndefined();
    expect(isoDate(parseLocalTimestamp('1900-03-01T10:00')!.day)).toBe('1900-03-01');
  });

  it('refuses offsets no place on Earth has', () => {
    expect(parseLocalTimestamp('2024-06-01T10:00+99:99')).toBeUndefined();
    expect(parseLocalTimestamp('2024-06-01T10:00+15:00')).toBeUndefined();
    expect(parseLocalTimestamp('2024-06-01T10:00+05:30')).toEqual({ day: parseLocalTimestamp('2024-06-01')!.day, hour: 5, minute: 30 });
  });

  it('skips calls at a local time the spring clock change skipped, with the row', async () => {
    const h = await parseHistory('timestamp,channel\n2024-03-31T01:30,999\n2024-03-31T00:30Z,999\n2024-03-31T02:30,999\n');
    expect(h.rows).toMatchObject({ used: 2, skipped: 1, byReason: { 'clock-gap': 1 } });
    expect(h.problems[0]!.row).toBe(2);
  });
});

describe('generated files', () => {
  const field = fc.oneof(
    fc.constantFrom('2024-01-01T10:00', '2024-03-31T01:15', '31/12/2023 23:59', '0001-01-01', '2024-02-30', '999', '101', 'online', '', '7', '-1'),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('"', ',', '\r', ' ', 'a', '1', '\ufeff'), maxLength: 8 }),
  );
  const line = fc.array(field, { maxLength: 5 }).map((f) => f.join(','));
  const header = fc.constantFrom('timestamp,channel', 'timestamp,channel,callType', 'interval start,channel,count', 'Date,Time,Channel');

  it('count every line once as used, skipped or blank, whatever the quoting', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.array(line, { maxLength: 40 }), fc.boolean(), async (head, lines, finalNewline) => {
        const text = [head, ...lines].join('\n') + (finalNewline ? '\n' : '');
        const h = await parseHistory(text);
        // Every line after the header is accounted for exactly once (trailing blanks are not rows).
        // Blank as the reader means it: a line that splits into one empty field, so `""` is blank too.
        const isBlank = (l: string) => {
          const { fields, error } = splitLine(l.replace(/\r$/, ''));
          return !error && fields.length === 1 && fields[0]!.trim() === '';
        };
        const nonBlank = lines.filter((l) => !isBlank(l)).length;
        expect(counted(h)).toBe(h.rows.read);
        expect(h.rows.read).toBe(nonBlank);
        expect(h.rows.read + h.rows.blank).toBeLessThanOrEqual(lines.length);
        let total = 0;
        for (const series of Object.values(h.hourly)) for (const day of series.values()) for (const v of day) total += v;
        if (!head.includes('count')) expect(total).toBe(h.rows.used);
        expect(Object.values(h.rows.byReason).reduce((a, b) => a + b, 0)).toBe(h.rows.skipped);
      }),
      { numRuns: 300 },
    );
  });
});
