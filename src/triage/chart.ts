/**
 * The statechart as a flat outline for display: every state of the THRIVE machine, read from the
 * machine definition itself (so the view can never drift from the policy's flow), with a short
 * label and its nesting depth, plus the key of the state a snapshot is in.
 */
import type { AnyStateNode, StateValue } from 'xstate';
import { thriveMachine } from './machine.ts';

export interface ChartNode {
  /** Dotted path, e.g. "harm" or "four.fixated". */
  key: string;
  label: string;
  depth: number;
}

const LABELS: Record<string, string> = {
  threat: 'Threat',
  harm: 'Harm',
  risk: 'Risk',
  investigation: 'Investigation',
  vulnerability: 'Vulnerability',
  engagement: 'Engagement',
  dash: 'DASH risk assessment (domestic abuse)',
  four: 'FOUR questions (stalking)',
  'four.fixated': 'Fixated?',
  'four.obsessive': 'Obsessive?',
  'four.unwanted': 'Unwanted?',
  'four.repeated': 'Repeated?',
  outcome: 'Outcome: grade and response',
};

function outline(node: AnyStateNode, depth: number): ChartNode[] {
  return Object.values(node.states).flatMap((child) => {
    const key = child.path.join('.');
    return [{ key, label: LABELS[key] ?? key, depth }, ...outline(child, depth + 1)];
  });
}

export const chartNodes: readonly ChartNode[] = outline(thriveMachine.root, 0);

/** The dotted key of the (deepest) state a snapshot's value names. */
export function stateKeyOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0] ?? [];
  if (parent === undefined || child === undefined) return '';
  return `${parent}.${stateKeyOf(child)}`;
}
