// A table from strings to whole numbers (0 or more), for a lookup made once per row whose keys are mostly
// met only once: a child's ID. V8's Map hashes each string it has not seen before through a call out of
// the compiled code and keeps its entries apart from its buckets; for 100,000 new keys that costs as much
// as the work it saves. Here the hash is taken from the characters in place; the slots hold only where
// each entry is, and the entries (key, hash, value) are kept in the order added, so that adding one writes
// memory next to the last rather than anywhere, and a key that is not there is known from one read.

/** A slot for a hash: its bits mixed first, so that IDs that differ only in their last digit spread out. */
export function slotOf(hash: number, mask: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) & mask;
}

function hashOf(key: string): number {
  let hash = key.length;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return hash;
}

export class StringTable {
  /** The entry in each slot (-1: empty). */
  private slots: Int32Array;
  private readonly keys: string[];
  private hashes: Int32Array;
  private values: Int32Array;
  private count = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    const entries = Math.max(8, expected);
    this.keys = new Array<string>(entries); // no copy as it grows, for as many as expected
    this.hashes = new Int32Array(entries);
    this.values = new Int32Array(entries);
  }

  /**
   * The value stored for `key`; or, when there is none, -1, having stored `value` for it: one look for
   * the usual "met before? else remember it".
   */
  getOrAdd(key: string, value: number): number {
    const hash = hashOf(key);
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = slotOf(hash, mask);
    for (let entry = slots[slot]!; entry >= 0; entry = slots[slot]!) {
      if (this.hashes[entry] === hash && this.keys[entry] === key) return this.values[entry]!;
      slot = (slot + 1) & mask;
    }
    const entry = this.count++;
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.values = grown(this.values);
    }
    this.keys[entry] = key;
    this.hashes[entry] = hash;
    this.values[entry] = value;
    slots[slot] = entry;
    if (this.count * 2 > slots.length) this.rehash(slots.length * 2);
    return -1;
  }

  /** Changes the value of a key already in the table (by a search through every entry: for the rare case that needs it). */
  set(key: string, value: number): void {
    for (let entry = 0; entry < this.count; entry++) {
      if (this.keys[entry] === key) {
        this.values[entry] = value;
        return;
      }
    }
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = slotOf(this.hashes[entry]!, mask);
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
