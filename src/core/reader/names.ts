/**
 * Finding a condition by its name: every name a condition goes by (its own, and how other cells
 * name it), exactly (normalised) or by shared words.
 */
import type { ConditionNode } from "../model";
import { push } from "./cells";
import { normalise, similarity, words } from "./text";

/** A match and how well the names agree, in [0, 1]. */
export interface NameHit {
  node: ConditionNode;
  score: number;
}

/** Which nodes a search may return. */
export type Accept = (n: ConditionNode) => boolean;

/** Word postings longer than this are too common to find candidates by ("terlaksananya"). */
const MAX_POSTING = 64;

export class NameIndex {
  /** Nodes by normalised name. */
  private readonly byKey = new Map<string, ConditionNode[]>();
  /** The first word of every normalised name. */
  private readonly firstWords = new Set<string>();
  /** The words of each name a node goes by. */
  private readonly wordsOf = new Map<ConditionNode, string[][]>();
  /** Nodes by each word of their names. */
  private readonly byWord = new Map<string, ConditionNode[]>();
  /**
   * Names added since the words were last indexed: words are indexed when a search by words
   * first needs them, as exact names are the common case (core10kMs: about 30 ms of 450).
   */
  private pending: { node: ConditionNode; name: string }[] = [];

  /** Record that `node` goes by `name` (its own, or how another cell names it). */
  add(node: ConditionNode, name: string): void {
    const key = normalise(name);
    if (key === "") return;
    const list = this.byKey.get(key);
    if (list?.includes(node)) return;
    push(this.byKey, key, node);
    this.firstWords.add(key.split(" ", 1)[0] ?? "");
    this.pending.push({ node, name });
  }

  private indexWords(): void {
    for (const { node, name } of this.pending) {
      const w = words(name);
      push(this.wordsOf, node, w);
      for (const word of w) {
        const posting = this.byWord.get(word);
        if (!posting) this.byWord.set(word, [node]);
        else if (posting[posting.length - 1] !== node) posting.push(node);
      }
    }
    this.pending = [];
  }

  /** The nodes going by exactly this name (normalised). */
  exact(name: string): readonly ConditionNode[] {
    // Paragraphs are asked too: their first word, cheaply, rules most of them out before the whole
    // text is normalised (core10kMs: about 20 ms of 450).
    if (!this.firstWords.has(firstWord(name))) return [];
    return this.byKey.get(normalise(name)) ?? [];
  }

  /** How well `name` agrees with the best of the names `node` goes by. */
  score(name: string | readonly string[], node: ConditionNode): number {
    this.indexWords();
    const w = typeof name === "string" ? words(name) : name;
    let best = 0;
    for (const names of this.wordsOf.get(node) ?? []) best = Math.max(best, similarity(w, names));
    return best;
  }

  /** Best node by name among those `accept` allows: an exact name first, else by shared words. */
  best(name: string, accept: Accept): NameHit | null {
    const exact = this.exact(name).find(accept);
    if (exact) return { node: exact, score: 1 };
    this.indexWords();
    const w = words(name);
    const candidates = new Set<ConditionNode>();
    for (const word of w) {
      const posting = this.byWord.get(word);
      if (posting && posting.length <= MAX_POSTING) for (const n of posting) candidates.add(n);
    }
    let best: NameHit | null = null;
    for (const n of candidates) {
      if (!accept(n)) continue;
      const score = this.score(w, n);
      if (!best || score > best.score) best = { node: n, score };
    }
    return best;
  }
}

/** The first word of normalise(text), without normalising all of it. */
function firstWord(text: string): string {
  const ascii = /^[^a-z0-9\u0080-\uffff]*([a-z0-9]+)(?:[^a-z0-9\u0080-\uffff]|$)/i.exec(text);
  return ascii
    ? (ascii[1] ?? "").toLowerCase()
    : (normalise(text.slice(0, 200)).split(" ", 1)[0] ?? "");
}
