/**
 * The editor's panes and which part of the scenario each holds, so a problem is counted on, and its
 * link opens, the pane where its field is. Matched on a path's first key; the period (`horizon`) is
 * edited beside the demand it spans. Anything no pane shows (`optimise`, `$schema`) falls to JSON.
 */
export const SECTIONS = [
  { id: 'general', label: 'General', match: ['name', 'description', 'seed'] },
  { id: 'demand', label: 'Demand', match: ['demand', 'horizon'] },
  { id: 'diversion', label: 'Online diversion & targets', match: ['diversion', 'targets'] },
  { id: 'handling', label: 'Handling', match: ['handling', 'patience', 'redial'] },
  { id: 'rota', label: 'Rota', match: ['staffing'] },
  { id: 'desks', label: 'Desks / Covid-secure', match: ['desks'] },
  { id: 'triage', label: 'Triage', match: ['triage', 'triage101'] },
  { id: 'json', label: 'JSON', match: [] as string[] },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** The pane holding the field at `path` (dotted). */
export function sectionOf(path: string): SectionId {
  const head = path.split('.')[0] ?? '';
  return SECTIONS.find((s) => (s.match as readonly string[]).includes(head))?.id ?? 'json';
}
