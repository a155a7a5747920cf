/**
 * The command line against hostile and careless input (issue cases): each case ends within its
 * time and memory bound with a clean refusal that names the field, flag or file, or a completed
 * run. Runs the real bin as a user would.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { bounded, refused } from './bounded.ts';
import mm8 from '../fixtures/mm8.json';

const dir = mkdtempSync(join(tmpdir(), 'occsim-hostile-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
};
const small = { ...mm8, horizon: { days: 3 } };

describe('run size', () => {
  it('refuses a billion calls a day with the estimate and the flag that overrides it', () => {
    const o = bounded(['run', file('huge.json', { ...small, demand: { channels: { '101': { callsPerDay: 1e9 } } } })], { seconds: 20, heapMb: 256 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toContain('run size: about 30 billion calls (3 billion a replication × 10), past the cap of 200 million; pass --max-calls 3e+10 to run it anyway');
  });

  it('counts special days in the estimate', () => {
    const s = { ...small, demand: { ...small.demand, specialDays: [{ date: '2025-01-07', factor: 1e12 }] } };
    expect(refused(bounded(['run', file('special.json', s)], { seconds: 20, heapMb: 256 }))).toBe(true);
  });

  it('counts overflow taken for neighbouring forces in the estimate, even with no 999 calls of its own', () => {
    const s = {
      ...small,
      demand: { ...small.demand, channels: { ...small.demand.channels, '999': { callsPerDay: 0 } }, neighbourOverflow: [{ callsPerDay: 1e9 }] },
      handling: { ...small.handling, '999': small.handling['101'] },
      patience: { ...small.patience, '999': small.patience['101'] },
    };
    const o = bounded(['run', file('overflow.json', s)], { seconds: 20, heapMb: 256 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toMatch(/run size: about 30 billion calls/);
  });

  it('refuses a billion replications before allocating anything', () => {
    const o = bounded(['run', file('mm8.json', small), '--replications', '1e9'], { seconds: 20, heapMb: 128 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toContain('--replications: expected a whole number from 1 to 10,000, got "1e9"');
  });

  it('keeps workers to the cores', () => {
    const o = bounded(['run', file('mm8.json', small), '--replications', '3', '--workers', '64', '--json'], { seconds: 120 });
    expect(o.code).toBe(0);
    expect(JSON.parse(o.stdout).timing.workers).toBe(Math.min(availableParallelism(), 3));
  });

  it('refuses huge forecasts and synthetic histories', () => {
    expect(refused(bounded(['demand', 'synth', '--scale', '1e9'], { seconds: 20, heapMb: 128 }))).toBe(true);
    const csv = file('h.csv', 'timestamp,channel\n2024-01-01T10:00,999\n2024-01-02T10:00,999\n');
    const o = bounded(['demand', 'forecast', csv, '--start', '2024-02-01', '--days', '40000'], { seconds: 20, heapMb: 128 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toContain("--days: expected at most 36,600 (a scenario's longest horizon), got 40000");
  });
});

describe('files', () => {
  it('refuses devices, pipes and directories without blocking', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const path of ['/dev/zero', fifo, dir]) {
      const o = bounded(['validate', path], { seconds: 10, heapMb: 128 });
      expect(refused(o), `${path}: ${o.stderr}`).toBe(true);
    }
    expect(refused(bounded(['demand', 'fit', '/dev/zero'], { seconds: 10, heapMb: 128 }))).toBe(true);
  });

  it('validate reports every bad file, not just the first', () => {
    const o = bounded(['validate', file('a.json', { name: 'a' }), file('ok.json', small), file('b.json', '{')], { seconds: 20 });
    expect(o.code).toBe(2);
    expect(o.stdout).toContain('ok.json: ok');
    expect(o.stderr).toMatch(/a\.json: \d+ problems[\s\S]*b\.json: 1 problem[\s\S]*2 of 3 files have problems/);
  });

  it('reads UTF-8 with a byte-order mark and UTF-16, as the app does', () => {
    const text = JSON.stringify(small);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const content of [`\ufeff${text}`, le]) expect(bounded(['validate', file('enc.json', content)], { seconds: 20 }).code).toBe(0);
  });

  it('names a missing output folder', () => {
    const o = bounded(['demand', 'synth', '--days', '2', '--out', join(dir, 'no', 'such.csv')], { seconds: 20 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toContain('its folder does not exist');
  });

  it('ends quietly when the reader closes the pipe', () => {
    const o = bounded([], { shell: `$OCCSIM run ${file('mm8.json', small)} -r 2 --json | head -c 5`, seconds: 60 });
    expect(o.stdout).toBe('{"sce');
    expect(o.stderr).toBe('');
  });
});

describe('merge', () => {
  const shards = () => ['1/2', '2/2'].map((k, i) => file(`part${i}.json`, bounded(['run', file('mm8.json', small), '-r', '2', '--shard', k, '--workers', '1'], { seconds: 60 }).stdout));

  it('accepts a shard re-saved with its keys in another order, refuses edited or mistyped ones', () => {
    const [a, b] = shards();
    const merged = bounded(['merge', a!, b!, '--json'], { seconds: 30 });
    expect(merged.code).toBe(0);

    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const shard = JSON.parse(readFileSync(a!, 'utf8'));
    const reordered = file('reordered.json', reorder(shard));
    const again = bounded(['merge', reordered, b!, '--json'], { seconds: 30 });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).channels).toEqual(JSON.parse(merged.stdout).channels);

    const edited = structuredClone(shard);
    edited.results[0].channels['101'].answered += 1000;
    expect(bounded(['merge', file('edited.json', edited), b!], { seconds: 30 }).stderr).toMatch(
      new RegExp(`results: expected SHA-256 ${shard.digests.results.slice(0, 12)}… \\(digests\\.results\\), got [0-9a-f]{12}…`),
    );

    const typed = { ...structuredClone(shard), replications: 'two' };
    const o = bounded(['merge', file('typed.json', typed), b!], { seconds: 30 });
    expect(refused(o)).toBe(true);
    expect(o.stderr).toContain('replications: expected a number, got "two"');
  });
});
