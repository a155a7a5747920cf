/**
 * The scenario workspace: the ready scenarios (read-only) and the user's own (kept in IndexedDB).
 * A document holds the user's *draft* exactly as typed — a field may hold "12a" — and validation runs
 * on top of it, so nothing is lost on an error. Edits are saved after a short pause (autosave); the
 * first edit of a ready scenario makes the user's own copy, so the original stays as a baseline.
 */
import type { RecordStore } from './store.ts';
import type { Builtin } from './builtins.ts';

export type Path = readonly (string | number)[];
export interface Problem {
  path: string;
  message: string;
}
export type Validation<S> = { ok: true; scenario: S } | { ok: false; problems: Problem[] };
export type Validate<S> = (json: unknown) => Validation<S>;

export type Draft = Record<string, unknown>;

export interface ScenarioDoc {
  id: string;
  draft: Draft;
  builtin: boolean;
  updatedAt: number;
  /** The id of the document this one was copied from, if any. */
  basedOn?: string;
  /** Text typed in the JSON tab that is not a scenario object yet: saved with the draft, never applied. */
  unappliedJson?: string;
}

export type SaveStatus = 'idle' | 'pending' | 'saved' | 'error';

const CURRENT_KEY = 'occsim.currentScenario';
const UNSAVED_KEY = 'occsim.unsavedScenarios';
const AUTOSAVE_MS = 300;

export function newId(): string {
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function docName(doc: ScenarioDoc | undefined): string {
  const name = doc?.draft['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : 'Untitled scenario';
}

export function isDraft(json: unknown): json is Draft {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}

/** Read a value at `path` in a draft, or undefined where the path does not exist. */
export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Write `value` at `path`, creating objects (or arrays, for numeric keys) on the way. */
export function setAt(root: Draft, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    let next = node[key];
    if (typeof next !== 'object' || next === null) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[key] = next;
    }
    node = next as Record<string | number, unknown>;
  });
}

/** Delete the value at `path` (an optional section switched off). */
export function deleteAt(root: Draft, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) delete (parent as Record<string | number, unknown>)[path[path.length - 1]!];
}

export function pathKey(path: Path): string {
  return path.join('.');
}

export class Workspace<S> {
  docs = $state<ScenarioDoc[]>([]);
  currentId = $state('');
  saveStatus = $state<SaveStatus>('idle');
  /** A short message about the last workspace action, announced politely. */
  notice = $state('');
  /** 'problem' when the notice reports something that went wrong (styled and announced as an alert). */
  noticeKind = $state<'info' | 'problem'>('info');

  /** Tell the user something went wrong (a read or write failed, a link could not be read). */
  warn(message: string): void {
    this.notice = message;
    this.noticeKind = 'problem';
  }

  /** Tell the user what just happened. */
  tell(message: string): void {
    this.notice = message;
    this.noticeKind = 'info';
  }
  loaded = $state(false);

  current = $derived(this.docs.find((d) => d.id === this.currentId));
  validation: Validation<S> | undefined = $derived.by(() =>
    this.current ? this.validate($state.snapshot(this.current.draft)) : undefined,
  );
  /** Problems of the current draft keyed by their dotted path. */
  problems = $derived(
    new Map((this.validation && !this.validation.ok ? this.validation.problems : []).map((p) => [p.path, p.message])),
  );

  #pending = new Map<string, ReturnType<typeof setTimeout>>();
  #store: RecordStore<ScenarioDoc>;
  #builtins: Builtin[];
  readonly validate: Validate<S>;

  constructor(store: RecordStore<ScenarioDoc>, builtins: Builtin[], validate: Validate<S>) {
    this.#store = store;
    this.#builtins = builtins;
    this.validate = validate;
  }

  async load(): Promise<void> {
    const ready: ScenarioDoc[] = this.#builtins
      .filter((b) => isDraft(b.json))
      .map((b) => ({ id: `builtin:${b.slug}`, draft: structuredClone(b.json as Draft), builtin: true, updatedAt: 0 }));
    let own: ScenarioDoc[] = [];
    try {
      own = (await this.#store.all()).sort((a, b) => a.updatedAt - b.updatedAt);
    } catch (error) {
      this.warn(`Saved scenarios could not be read: ${(error as Error).message}`);
    }
    own = this.#recoverStashed(own);
    this.docs = [...ready, ...own];
    const remembered = readLocal(CURRENT_KEY);
    this.currentId = this.docs.some((d) => d.id === remembered) ? remembered! : (this.docs[0]?.id ?? '');
    this.loaded = true;
  }

  get builtinDocs(): ScenarioDoc[] {
    return this.docs.filter((d) => d.builtin);
  }
  get ownDocs(): ScenarioDoc[] {
    return this.docs.filter((d) => !d.builtin);
  }

  byId(id: string): ScenarioDoc | undefined {
    return this.docs.find((d) => d.id === id);
  }

  select(id: string): void {
    if (!this.byId(id)) return;
    this.currentId = id;
    writeLocal(CURRENT_KEY, id);
  }

  #add(draft: Draft, basedOn?: string): ScenarioDoc {
    const doc: ScenarioDoc = { id: newId(), draft, builtin: false, updatedAt: Date.now(), ...(basedOn ? { basedOn } : {}) };
    this.docs.push(doc);
    this.select(doc.id);
    this.#schedule(doc.id, 0);
    return this.byId(doc.id)!;
  }

  /** A new scenario: a copy of the first ready scenario (sane defaults) under a new name. */
  create(name = 'New scenario'): ScenarioDoc {
    const template = this.builtinDocs[0];
    const draft: Draft = template ? structuredClone($state.snapshot(template.draft)) : {};
    draft['name'] = this.#uniqueName(name);
    return this.#add(draft);
  }

  duplicate(id: string): ScenarioDoc | undefined {
    const source = this.byId(id);
    if (!source) return undefined;
    const draft = structuredClone($state.snapshot(source.draft)) as Draft;
    draft['name'] = this.#uniqueName(`${docName(source)} (copy)`);
    return this.#add(draft, source.id);
  }

  rename(id: string, name: string): void {
    const doc = this.byId(id);
    if (!doc || doc.builtin) return;
    doc.draft['name'] = name;
    this.touch(doc);
  }

  async remove(id: string): Promise<void> {
    const doc = this.byId(id);
    if (!doc || doc.builtin) return;
    clearTimeout(this.#pending.get(id));
    this.#pending.delete(id);
    this.docs = this.docs.filter((d) => d.id !== id);
    if (this.currentId === id) this.select(this.docs[0]?.id ?? '');
    this.tell(`Deleted “${docName(doc)}”.`);
    await this.#store.delete(id);
  }

  /** The document edits go to: the current one, or the user's own copy of a ready scenario. */
  editable(): ScenarioDoc | undefined {
    const doc = this.current;
    if (!doc || !doc.builtin) return doc;
    const copy = this.duplicate(doc.id)!;
    // "Baseline: mid-sized county force, ..." becomes "Baseline — my version".
    copy.draft['name'] = this.#uniqueName(`${docName(doc).split(':')[0]!.trim()} — my version`);
    this.tell(`Ready scenarios stay as they are: your changes go to “${docName(copy)}”.`);
    return copy;
  }

  /** Apply an edit to the current draft and autosave it. */
  edit(mutate: (draft: Draft) => void): void {
    const doc = this.editable();
    if (!doc) return;
    mutate(doc.draft);
    this.touch(doc);
  }

  /** Keep JSON-tab text that is not a scenario yet, saved like an edit so a reload shows it again. */
  keepUnappliedJson(text: string): void {
    const doc = this.editable();
    if (!doc) return;
    doc.unappliedJson = text;
    this.touch(doc);
  }

  /** Replace the current draft with a scenario object from the JSON tab; the unapplied text goes. */
  applyJson(json: Draft): void {
    const doc = this.editable();
    if (!doc) return;
    delete doc.unappliedJson;
    for (const key of Object.keys(doc.draft)) delete doc.draft[key];
    Object.assign(doc.draft, structuredClone(json));
    this.touch(doc);
  }

  set(path: Path, value: unknown): void {
    this.edit((d) => setAt(d, path, value));
  }

  touch(doc: ScenarioDoc): void {
    doc.updatedAt = Date.now();
    this.#schedule(doc.id, AUTOSAVE_MS);
    // A crash or a killed tab fires no unload event: keep the synchronous copy current instead.
    this.stashPending();
  }

  /** Import a file's text. Invalid JSON is refused; a schema problem is imported and shown inline. */
  importText(text: string, fileName = ''): { ok: true; doc: ScenarioDoc } | { ok: false; message: string } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `${fileName || 'The file'} is not valid JSON: ${(error as Error).message}` };
    }
    return this.importJson(json, fileName);
  }

  importJson(json: unknown, fileName = ''): { ok: true; doc: ScenarioDoc } | { ok: false; message: string } {
    if (!isDraft(json)) return { ok: false, message: `${fileName || 'The file'} does not hold a scenario object.` };
    const draft = structuredClone(json);
    if (typeof draft['name'] !== 'string' || draft['name'].trim() === '') draft['name'] = fileName.replace(/\.json$/i, '') || 'Imported scenario';
    draft['name'] = this.#uniqueName(draft['name'] as string);
    const doc = this.#add(draft);
    const v = this.validate($state.snapshot(doc.draft));
    if (v.ok) this.tell(`Imported “${docName(doc)}”.`);
    else this.warn(`Imported “${docName(doc)}” with ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'} to fix before it can run.`);
    return { ok: true, doc };
  }

  /** An own scenario holding exactly `json` apart from its name: opening the same thing twice reuses it. */
  findSame(json: Draft): ScenarioDoc | undefined {
    const content = (d: Draft) => JSON.stringify({ ...d, name: undefined });
    const wanted = content(json);
    return this.ownDocs.find((d) => content($state.snapshot(d.draft) as Draft) === wanted);
  }

  exportText(id: string): string {
    const doc = this.byId(id);
    return doc ? JSON.stringify($state.snapshot(doc.draft), null, 2) + '\n' : '';
  }

  /**
   * The synchronous safety net for closing, reloading or crashing within the autosave pause:
   * IndexedDB writes are asynchronous and may not finish, so pending drafts are also put in
   * localStorage at every edit, and the next load folds back any newer than what was saved.
   */
  stashPending(): void {
    const docs = [...this.#pending.keys()]
      .map((id) => this.byId(id))
      .filter((d): d is ScenarioDoc => d !== undefined && !d.builtin)
      .map((d) => $state.snapshot(d) as ScenarioDoc);
    if (docs.length) writeLocal(UNSAVED_KEY, JSON.stringify(docs));
  }

  #recoverStashed(own: ScenarioDoc[]): ScenarioDoc[] {
    const text = readLocal(UNSAVED_KEY);
    if (!text) return own;
    removeLocal(UNSAVED_KEY);
    let stashed: unknown;
    try {
      stashed = JSON.parse(text);
    } catch {
      return own;
    }
    if (!Array.isArray(stashed)) return own;
    const byId = new Map(own.map((d) => [d.id, d]));
    for (const d of stashed as ScenarioDoc[]) {
      if (typeof d?.id !== 'string' || !isDraft(d.draft) || d.builtin) continue;
      const saved = byId.get(d.id);
      if (saved && saved.updatedAt >= d.updatedAt) continue;
      byId.set(d.id, d);
      void this.#store.put(d).catch(() => {});
    }
    return [...byId.values()].sort((a, b) => a.updatedAt - b.updatedAt);
  }

  /** Write every pending edit now (before unload, or before a test reloads the page). */
  async flush(): Promise<void> {
    const ids = [...this.#pending.keys()];
    for (const id of ids) clearTimeout(this.#pending.get(id));
    this.#pending.clear();
    await Promise.all(ids.map((id) => this.#save(id)));
  }

  #schedule(id: string, delay: number): void {
    clearTimeout(this.#pending.get(id));
    this.saveStatus = 'pending';
    this.#pending.set(
      id,
      setTimeout(() => {
        this.#pending.delete(id);
        void this.#save(id);
      }, delay),
    );
  }

  async #save(id: string): Promise<void> {
    const doc = this.byId(id);
    if (!doc || doc.builtin) return;
    try {
      await this.#store.put($state.snapshot(doc) as ScenarioDoc);
      if (this.#pending.size === 0) this.saveStatus = 'saved';
    } catch (error) {
      this.saveStatus = 'error';
      this.warn(`Could not save “${docName(doc)}”: ${(error as Error).message}`);
    }
  }

  #uniqueName(base: string): string {
    const taken = new Set(this.docs.map((d) => docName(d)));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
  }
}

function readLocal(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
function removeLocal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}
function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage refused: the choice just is not remembered */
  }
}
