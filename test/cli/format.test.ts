import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/format.ts';
import { buildReport } from '../../src/model/report.ts';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

describe('the terminal table of a run', () => {
  it('gives phone waits in seconds and online waits in hours, as their targets are', () => {
    const parsed = parseScenario({ ...baseline, horizon: { ...baseline.horizon, days: 4, warmupDays: 1 } });
    if (!parsed.ok) throw new Error('invalid');
    const text = formatReport(buildReport(parsed.scenario, 's', [0, 1].map((i) => runReplication(parsed.scenario, 's', i))));
    for (const label of ['avg speed of answer', 'mean wait (all)', 'wait p90']) {
      const line = text.split('\n').find((l) => l.startsWith(label))!;
      const cells = line.slice(label.length).trim().split(/\s{2,}/);
      expect(cells, label).toHaveLength(3);
      expect(cells[0], `${label}, 999`).toMatch(/ s\)$/);
      expect(cells[1], `${label}, 101`).toMatch(/ s\)$/);
      expect(cells[2], `${label}, online`).toMatch(/ h\)$/);
    }
  });
});
