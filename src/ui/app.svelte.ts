/**
 * Application state shared by the shell and its panels: the workspace, the selected tab, and the
 * share link read at start-up. Panels are thin; their logic lives in classes like this one.
 */
import { Workspace } from './workspace/workspace.svelte.ts';
import { defaultStore, indexedDbStore, memoryStore, type RecordStore } from './workspace/store.ts';
import { SavedResults, type SavedResult } from './run/saved-results.svelte.ts';
import type { ScenarioDoc } from './workspace/workspace.svelte.ts';
import { builtins } from './workspace/builtins.ts';
import { decodeShare } from './workspace/share.ts';
import { parseScenario, type Scenario } from './core.ts';
import { Runner } from './run/runner.svelte.ts';
import { connectReporter, connectWorker, type Reporter } from './run/connect.ts';
import type { Connect } from './run/pool.svelte.ts';
import { SweepView } from './sweep/sweep-view.svelte.ts';

export const TABS = [
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'edit', label: 'Edit' },
  { id: 'run', label: 'Run & results' },
  { id: 'compare', label: 'Compare' },
  { id: 'trainer', label: 'THRIVE trainer' },
  { id: 'sweep', label: 'Sweep table' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export class AppState {
  tab = $state<TabId>('scenarios');
  /** Scenarios ticked on the Compare tab (the first is the baseline), kept across tabs. */
  compareChoice: string[] = $state([]);
  /** The editor section in view, kept while the user visits other tabs. */
  editorSection = $state('general');
  workspace: Workspace<Scenario>;
  /** A sweep table opened from disk, kept while the user visits other tabs. */
  sweep = new SweepView();
  runner: Runner;
  comparer: Runner;
  /** The last results of each scenario, shown again after a reload while the scenario is unchanged. */
  saved: SavedResults;

  constructor(
    store: RecordStore<ScenarioDoc> = defaultStore<ScenarioDoc>(),
    connect: Connect = connectWorker,
    reporter: () => Reporter = connectReporter,
    results: RecordStore<SavedResult> = typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore('occsim-results', 'results'),
  ) {
    this.workspace = new Workspace(store, builtins, parseScenario);
    this.runner = new Runner(connect, reporter);
    this.comparer = new Runner(connect, reporter);
    this.saved = new SavedResults(results);
    this.runner.onended = (reports, targets) => {
      for (const r of reports) {
        const target = targets.find((t) => t.key === r.key);
        if (target) this.saved.save(r.key, target.json, r);
      }
    };
  }

  async start(hash = typeof location === 'undefined' ? '' : location.hash): Promise<void> {
    await Promise.all([this.workspace.load(), this.saved.load()]);
    const shared = await decodeShare(hash);
    if (shared) {
      if (shared.ok) {
        const result = this.workspace.importJson(shared.json, 'Shared scenario');
        if (!result.ok) this.workspace.warn(`The share link was not loaded: ${result.message}`);
        else this.tab = 'edit';
      } else this.workspace.warn(shared.message);
      if (typeof history !== 'undefined') history.replaceState(null, '', location.pathname + location.search);
    }
  }

  /** Compare the open scenario with the one it was copied from (or the first ready scenario). */
  compareWithOrigin(): void {
    const doc = this.workspace.current;
    if (!doc) return;
    const origin = (doc.basedOn && this.workspace.byId(doc.basedOn)) || this.workspace.builtinDocs[0];
    this.compareChoice = origin && origin.id !== doc.id ? [origin.id, doc.id] : [doc.id];
    this.tab = 'compare';
  }

  open(id: string): void {
    this.workspace.select(id);
    this.tab = 'edit';
  }
}
