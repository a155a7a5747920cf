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
import { pairedData, Runner, runRequest } from './run/runner.svelte.ts';
import { comparedIds, comparisonId, KEPT_COMPARISONS, type KeptComparison } from './compare/kept-comparison.ts';
import { connectOptimiser, connectReporter, connectWorker, type Reporter } from './run/connect.ts';
import type { Connect } from './run/pool.svelte.ts';
import { SweepView } from './sweep/sweep-view.svelte.ts';
import { ProposeView, type ConnectOptimiser, type KeptProposal } from './propose/propose-view.svelte.ts';
import { docName, isDraft } from './workspace/workspace.svelte.ts';

export const TABS = [
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'edit', label: 'Edit' },
  { id: 'run', label: 'Run & results' },
  { id: 'compare', label: 'Compare' },
  { id: 'propose', label: 'Propose a rota' },
  { id: 'trainer', label: 'THRIVE trainer' },
  { id: 'sweep', label: 'Sweep table' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

function keptStore<T extends { id: string }>(db: string, name: string): RecordStore<T> {
  return typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore(db, name);
}

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
  /** The last rota proposed, kept while the user visits other tabs. */
  propose: ProposeView;
  /** The last results of each scenario, shown again after a reload while the scenario is unchanged. */
  saved: SavedResults;
  /** The last comparisons, each shown again after a reload while the scenarios compared are unchanged. */
  savedComparisons: SavedResults<KeptComparison>;
  /** The last proposal, shown again after a reload (with a note if its scenario has changed since). */
  savedProposal: SavedResults<KeptProposal>;

  constructor(
    store: RecordStore<ScenarioDoc> = defaultStore<ScenarioDoc>(),
    connect: Connect = connectWorker,
    reporter: () => Reporter = connectReporter,
    results: RecordStore<SavedResult> = keptStore('occsim-results', 'results'),
    optimiser: ConnectOptimiser = connectOptimiser,
    comparisons: RecordStore<SavedResult<KeptComparison>> = keptStore('occsim-comparisons', 'comparisons'),
    proposals: RecordStore<SavedResult<KeptProposal>> = keptStore('occsim-proposals', 'proposals'),
  ) {
    this.workspace = new Workspace(store, builtins, parseScenario);
    this.runner = new Runner(connect, reporter);
    this.comparer = new Runner(connect, reporter);
    this.propose = new ProposeView(optimiser, connect);
    this.saved = new SavedResults(results);
    this.savedComparisons = new SavedResults(comparisons, KEPT_COMPARISONS);
    this.savedProposal = new SavedResults(proposals, 1);
    this.runner.onended = (reports, targets) => {
      for (const r of reports) {
        const target = targets.find((t) => t.key === r.key);
        if (target) this.saved.save(r.key, target.json, r);
      }
    };
    this.comparer.onended = (reports, targets) =>
      this.savedComparisons.save(comparisonId(targets.map((t) => t.key)), targets.map((t) => t.json), { reports, pairs: this.comparer.comparisons.map(pairedData) });
    this.propose.onproposed = (kept) => this.savedProposal.save(kept.source.id, kept.source.json, kept);
  }

  async start(hash = typeof location === 'undefined' ? '' : location.hash): Promise<void> {
    this.#loaded = Promise.all([this.workspace.load(), this.saved.load(), this.savedComparisons.load(), this.savedProposal.load()]).then(() => this.#restoreKept());
    await this.openLink(hash);
  }
  #loaded: Promise<void> = Promise.resolve();

  /** The last proposal, and Compare opened on the scenarios compared last (if all are still there) so its kept results show. */
  #restoreKept(): void {
    const proposal = this.savedProposal.latest();
    if (proposal) this.propose.restore(proposal.report);
    const last = this.savedComparisons.latest();
    const compared = last && comparedIds(last.id);
    if (this.compareChoice.length === 0 && compared?.every((id) => this.workspace.byId(id))) this.compareChoice = compared;
  }

  /** Opens a share link's scenario (at start-up, or pasted into a tab where the app is open), then clears it from the address. */
  async openLink(hash: string): Promise<void> {
    await this.#loaded; // a link followed while the workspace still loads waits for it
    const shared = await decodeShare(hash);
    if (shared) {
      if (shared.ok) this.#openShared(shared.json);
      else this.workspace.warn(shared.message);
      if (typeof history !== 'undefined') history.replaceState(null, '', location.pathname + location.search);
    }
  }

  /** A share link opens its scenario as a new one, or the copy already open (a link opened twice is not "… 2"). */
  #openShared(json: unknown): void {
    const same = isDraft(json) ? this.workspace.findSame(json) : undefined;
    if (same) {
      this.workspace.select(same.id);
      this.workspace.tell(`The shared scenario is already open as “${docName(same)}”.`);
      this.tab = 'edit';
      return;
    }
    const result = this.workspace.importJson(json, 'Shared scenario');
    if (!result.ok) this.workspace.warn(`The share link was not loaded: ${result.message}`);
    else this.tab = 'edit';
  }

  /** Compare the open scenario with the one it was copied from (or the first ready scenario). */
  compareWithOrigin(): void {
    const doc = this.workspace.current;
    if (!doc) return;
    const origin = (doc.basedOn && this.workspace.byId(doc.basedOn)) || this.workspace.builtinDocs[0];
    this.compareChoice = origin && origin.id !== doc.id ? [origin.id, doc.id] : [doc.id];
    this.tab = 'compare';
  }

  /** Opens the proposed rota as a new scenario (once per rota), based on the scenario it was proposed for. */
  openProposal(): string {
    const view = this.propose;
    if (view.openedId && this.workspace.byId(view.openedId)) return view.openedId;
    const json = view.proposedJson();
    if (!json || !view.source) return '';
    // The same rota proposed again (or after a reload) opens the copy already made, not "… 2".
    const same = this.workspace.findSame(json);
    if (same) {
      this.workspace.tell(`The proposed rota is already open as “${docName(same)}”.`);
      return (view.openedId = same.id);
    }
    const imported = this.workspace.importJson(json);
    if (!imported.ok) {
      this.workspace.warn(imported.message);
      return '';
    }
    if (this.workspace.byId(view.source.id)) imported.doc.basedOn = view.source.id;
    this.workspace.touch(imported.doc);
    this.workspace.tell(`Opened the proposed rota as “${docName(imported.doc)}”.`);
    return (view.openedId = imported.doc.id);
  }

  /** The proposed rota against the scenario it was proposed for, on the Compare tab, run at once. */
  compareProposal(): void {
    const source = this.propose.source;
    const opened = this.openProposal();
    if (!source || !opened) return;
    const ids = [source.id, opened].filter((id) => this.workspace.byId(id));
    if (ids.length < 2) {
      this.workspace.warn(`“${source.name}” is no longer in the workspace: nothing to compare the proposal with.`);
      return;
    }
    this.compareChoice = ids;
    this.tab = 'compare';
    void this.comparer.start(ids.map((id) => this.workspace.byId(id)!).map((d) => runRequest(this.workspace, d)));
  }

  open(id: string): void {
    this.workspace.select(id);
    this.tab = 'edit';
  }
}

