/**
 * Reads shared by the tool calls of one agent turn (docs/architecture.md, "The agent loop").
 * A model that asks for the status of twenty guests in one turn makes twenty
 * calls, and each resolves its target from the cluster's guest list: that list
 * is read once per turn and reused, instead of once per call. It is forgotten
 * when the turn ends, when any call that is not a read runs (so a read after a
 * change never sees the state before it), when a read fails, and after
 * `maxAgeMs` however long the turn lasts.
 */
export interface TurnReads {
  /** The value `read` gave earlier in this turn under `key`, or what it gives now. */
  remember<T>(key: string, read: () => Promise<T>): Promise<T>;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export class TurnReadMemo {
  private turn: string | undefined;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeMs = 15_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The reads of `turn`; asking for another turn forgets the previous one's. */
  of(turn: string): TurnReads {
    if (turn !== this.turn) {
      this.clear();
      this.turn = turn;
    }
    return {
      remember: <T>(key: string, read: () => Promise<T>): Promise<T> => {
        if (turn !== this.turn) return read();
        const kept = this.entries.get(key);
        if (kept && this.now() - kept.at <= this.maxAgeMs) return kept.value as Promise<T>;
        const value = read();
        const entry = { at: this.now(), value };
        this.entries.set(key, entry);
        value.catch(() => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
        });
        return value;
      },
    };
  }

  /** Forgets every kept read: a change is about to run or has run. */
  clear(): void {
    this.entries.clear();
  }
}
