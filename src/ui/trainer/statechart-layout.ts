/**
 * Places the THRIVE statechart for drawing: dagre ranks the states top to bottom and routes the
 * transitions between them, with the FOUR questions boxed inside their parent state. dagre is
 * loaded only when a diagram is first drawn, so the rest of the app does not pay for it. The
 * machine never changes at run time, so the layout is computed once and shared.
 */
import { chartEdges, chartNodes, type ChartEdge } from '../../triage/index.ts';

export interface PlacedNode {
  key: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A compound state drawn as a box around its children. */
  cluster: boolean;
}

export interface PlacedEdge extends ChartEdge {
  points: { x: number; y: number }[];
  labelAt: { x: number; y: number } | null;
}

export interface StatechartLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Short labels for the boxes; the outline's longer ones are kept for the accessible list. */
const BOX_LABELS: Record<string, string> = {
  dash: 'DASH risk assessment',
  four: 'FOUR (stalking)',
  outcome: 'Grade and response',
};

const CHAR_WIDTH = 7.5;
const NODE_HEIGHT = 34;

async function place(): Promise<StatechartLayout> {
  const { graphlib, layout } = await import('@dagrejs/dagre');
  const g = new graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 34, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const parents = new Set(chartNodes.filter((n) => n.key.includes('.')).map((n) => n.key.split('.').slice(0, -1).join('.')));
  const label = (key: string) => BOX_LABELS[key] ?? chartNodes.find((n) => n.key === key)?.label ?? key;
  for (const node of chartNodes) {
    if (parents.has(node.key)) g.setNode(node.key, { label: label(node.key), width: 0, height: 0 });
    else g.setNode(node.key, { label: label(node.key), width: label(node.key).length * CHAR_WIDTH + 24, height: NODE_HEIGHT });
    const parent = node.key.split('.').slice(0, -1).join('.');
    if (parent) g.setParent(node.key, parent);
  }
  for (const edge of chartEdges) {
    g.setEdge(edge.from, edge.to, edge.label ? { label: edge.label, width: edge.label.length * 6.5 + 8, height: 16, labelpos: 'c' } : {});
  }
  layout(g);
  const nodes: PlacedNode[] = chartNodes.map((n) => {
    const placed = g.node(n.key);
    return { key: n.key, label: label(n.key), x: placed.x, y: placed.y, width: placed.width, height: placed.height, cluster: parents.has(n.key) };
  });
  const edges: PlacedEdge[] = chartEdges.map((e) => {
    const placed = g.edge(e.from, e.to);
    const at = e.label && typeof placed.x === 'number' && typeof placed.y === 'number' ? { x: placed.x, y: placed.y } : null;
    return { ...e, points: placed.points ?? [], labelAt: at };
  });
  const graph = g.graph();
  return { width: graph.width ?? 400, height: graph.height ?? 600, nodes, edges };
}

let shared: Promise<StatechartLayout> | null = null;

export function statechartLayout(): Promise<StatechartLayout> {
  return (shared ??= place());
}
