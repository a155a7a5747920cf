/**
 * The statechart as data for display: every state of the THRIVE machine and every transition with
 * its condition, read from the machine definition itself (so the diagram can never drift from the
 * policy's flow), plus the key of the state a snapshot is in and the edges a visited path took.
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

export interface ChartEdge {
  from: string;
  to: string;
  /** The condition in words, e.g. "domestic abuse"; empty when the step simply follows. */
  label: string;
}

/** Guards in words: the conditions a trainer reads on the diagram. */
const GUARD_LABELS: Record<string, string> = {
  isImmediateThreat: 'high threat',
  isMissingFromCare: 'skipped: missing from care',
  needsDash: 'domestic abuse',
  needsFour: 'stalking',
};

const EVENT_LABELS: Record<string, string> = { ANSWER: '', FOUR_ANSWER: '', COMPLETE_DASH: '' };

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return undefined;
}

/** A compound state is entered at its initial child. */
function entry(node: AnyStateNode): AnyStateNode {
  const initial = node.initial?.target?.[0];
  return initial ? entry(initial) : node;
}

function edgesOf(node: AnyStateNode): ChartEdge[] {
  return Object.values(node.states).flatMap((child) => {
    const from = child.path.join('.');
    const groups = [...child.transitions.entries(), ['', child.always ?? []] as const];
    const own = groups.flatMap(([event, transitions]) => {
      const guarded = transitions.some((t) => guardName(t.guard) !== undefined);
      return transitions.flatMap((t) =>
        (t.target ?? []).map((target) => {
          const guard = guardName(t.guard);
          const label = guard ? (GUARD_LABELS[guard] ?? guard) : guarded ? 'otherwise' : (EVENT_LABELS[event] ?? event);
          return { from, to: entry(target).path.join('.'), label };
        }),
      );
    });
    return [...own, ...edgesOf(child)];
  });
}

/** Transitions between the same two states are one edge with their conditions joined. */
function merged(edges: ChartEdge[]): ChartEdge[] {
  const byPair = new Map<string, ChartEdge>();
  for (const edge of edges) {
    const key = `${edge.from}>${edge.to}`;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { ...edge });
    else if (edge.label) seen.label = seen.label ? `${seen.label} / ${edge.label}` : `answered / ${edge.label}`;
  }
  return [...byPair.values()];
}

export const chartEdges: readonly ChartEdge[] = merged(edgesOf(thriveMachine.root));

/**
 * The edges a run took, from the states it rested in. A state passed through without resting (the
 * vulnerability question skipped for a child missing from care) is found between its neighbours and
 * returned with the path.
 */
export function pathOf(visited: readonly string[], edges: readonly ChartEdge[] = chartEdges): { edges: ChartEdge[]; states: string[] } {
  const taken: ChartEdge[] = [];
  const states = new Set<string>(visited);
  const find = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to);
  for (let i = 1; i < visited.length; i++) {
    const from = visited[i - 1]!;
    const to = visited[i]!;
    if (from === to) continue;
    const direct = find(from, to);
    if (direct) {
      taken.push(direct);
      continue;
    }
    for (const first of edges.filter((e) => e.from === from)) {
      const second = find(first.to, to);
      if (second) {
        taken.push(first, second);
        states.add(first.to);
        break;
      }
    }
  }
  return { edges: taken, states: [...states] };
}
