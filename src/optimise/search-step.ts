/**
 * One step of the search in words, for the command line's summary and the app's table alike: the
 * standards on the optimiser's numbers, then the confirmation if the rota had one ("confirmed on
 * alt-1/confirm #10–19", or which standard fell short of what it needed there).
 */
import type { Iteration } from './optimise.ts';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

export function stepStandards(i: Iteration): string {
  if (!i.standards) return '–';
  const own = i.standards.map((s) => `${s.channel} ${s.met ? 'met' : 'missed'}`).join(', ');
  const c = i.confirmation;
  if (!c) return own;
  const on = `${c.seed} #${c.replications[0]}–${c.replications[1]}`;
  if (c.met) return `${own}; confirmed on ${on}`;
  const short = c.standards.filter((s) => !s.met).map((s) => `${s.channel} ${pct(s.lower95)} (needed ${pct(s.needed)})`);
  return `${own}; not confirmed on ${on}: ${short.join(', ')}`;
}
