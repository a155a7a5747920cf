export interface Tip {
  /** Position in the plot box, in CSS pixels from its top-left corner. */
  x: number;
  y: number;
  lines: string[];
}

export interface LegendItem {
  name: string;
  color: string;
  dash?: string;
}

/** Series colours (Okabe–Ito, safe for colour-blind readers) and dash patterns as a second signal. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'] as const;

export function seriesStyle(i: number): { color: string; dash: string } {
  return { color: PALETTE[i % PALETTE.length]!, dash: DASHES[i % DASHES.length]! };
}
