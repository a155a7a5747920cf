import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseLibrary, defaultPolicy } from '../../src/triage/index.ts';

const BIN = join(import.meta.dirname, '../../bin/occsim.js');

function occsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'occsim-triage-'));
});

async function policyFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

interface Row {
  answers: Record<string, string>;
  grade: number;
  response: string;
  rationale: string;
}

describe('occsim triage', () => {
  it('--table --json prints all 4096 combinations as { answers, grade, response, rationale }', async () => {
    const { code, stdout } = await occsim('triage', '--table', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    expect(rows).toHaveLength(4096);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['answers', 'grade', 'response', 'rationale']);
      expect(Object.keys(row.answers)).toEqual(['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']);
      for (const level of Object.values(row.answers)) expect(['none', 'low', 'medium', 'high']).toContain(level);
      expect([1, 2, 3, 4]).toContain(row.grade);
      if (row.answers['threat'] === 'high') expect(row.grade).toBe(1);
    }
    expect(rows[0]).toMatchObject({ grade: 4, response: 'resolve-by-phone' });
    expect(new Set(rows.map((r) => JSON.stringify(r.answers))).size).toBe(4096);
  });

  it('--table prints a readable table with a header and one row per combination', async () => {
    const { code, stdout } = await occsim('triage', '--table');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^threat\s+harm\s+risk\s+investigation\s+vulnerability\s+engagement\s+grade\s+response\s+rationale$/);
    expect(lines).toHaveLength(4096 + 2);
  });

  it('--table --context domesticAbuse never resolves a call by phone', async () => {
    const { stdout } = await occsim('triage', '--table', '--json', '--context', 'domesticAbuse');
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.every((r) => r.grade <= 3)).toBe(true);
  });

  it('--policy with a stricter policy changes the table', async () => {
    const strict = { ...defaultPolicy, thresholds: { scheduled: 2, priority: 5, emergency: 10 } };
    const [before, after] = await Promise.all([
      occsim('triage', '--table', '--json'),
      occsim('triage', '--table', '--json', '--policy', await policyFile('strict.json', strict)),
    ]);
    const urgent = (out: string) => (JSON.parse(out) as Row[]).filter((r) => r.grade <= 2).length;
    expect(after.code).toBe(0);
    expect(urgent(after.stdout)).toBeGreaterThan(urgent(before.stdout));
  });

  it('--cases lists every case id', async () => {
    const { code, stdout } = await occsim('triage', '--cases');
    expect(code).toBe(0);
    for (const c of caseLibrary) expect(stdout).toContain(c.id);
  });

  it('--case steps through a case: caller, questions with answers, grade against expected, notes', async () => {
    const { code, stdout } = await occsim('triage', '--case', 'stalking-former-colleague');
    expect(code).toBe(0);
    expect(stdout).toContain('"A man I used to work with');
    expect(stdout).toMatch(/Threat: .*\n\s+→ low/);
    expect(stdout).toMatch(/FOUR \(stalking\): is the behaviour repeated\?\n\s+→ yes/);
    expect(stdout).toContain('Grade 2 (priority), within-hour: ✓ matches');
    expect(stdout).toContain('Teaching notes:');
  });

  it('--case says how the contact came in: an online report is read, not heard', async () => {
    const { code, stdout } = await occsim('triage', '--case', 'online-fraud-report-hidden-risk');
    expect(code).toBe(0);
    expect(stdout).toContain('An online report, read by the digital desk.');
    expect(stdout).toContain('The report says:');
    expect(stdout).toContain('Grade 1 (emergency), deploy-now: ✓ matches');
  });

  it('--case on a high threat shows that no further questions are asked', async () => {
    const { stdout } = await occsim('triage', '--case', 'atm-attack-in-progress');
    expect(stdout).toContain('Threat:');
    expect(stdout).not.toContain('Harm:');
    expect(stdout).toContain('Grade 1 (emergency)');
  });

  it('rejects an unknown case, a missing mode and an unknown context flag with exit code 2', async () => {
    const unknown = await occsim('triage', '--case', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown case "nope"');
    const none = await occsim('triage');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('choose one of --table, --case ID or --cases');
    const context = await occsim('triage', '--table', '--context', 'drunk');
    expect(context.code).toBe(2);
    expect(context.stderr).toContain('--context: expected a comma-separated list of domesticAbuse|stalking|missingFromCare, got "drunk"');
  });

  it('reports a missing or unreadable policy file in one line, exit code 2', async () => {
    const missing = await occsim('triage', '--table', '--policy', join(dir, 'absent.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no such file');
    const broken = await occsim('triage', '--table', '--policy', await policyFile('broken.json', '{ "name": '));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('reports each problem in a bad policy file by field path, exit code 2', async () => {
    const bad = structuredClone(defaultPolicy) as unknown as Record<string, Record<string, unknown>>;
    bad['weights']!['risk'] = { low: 4, medium: 2, high: 6 };
    bad['thresholds']!['priority'] = 'nine';
    const { code, stdout, stderr } = await occsim('triage', '--table', '--policy', await policyFile('bad.json', bad));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('is not a valid THRIVE policy');
    expect(stderr).toContain('  weights.risk.medium: must be ≥ low (4): more concern may never score less, got 2');
    expect(stderr).toContain('  thresholds.priority: expected a score, got "nine"');
  });
});
