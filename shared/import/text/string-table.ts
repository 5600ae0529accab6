// A table from strings to whole numbers (0 or more), for a lookup made once per row whose keys are mostly
// met only once: a child's ID. V8's Map hashes each string it has not seen before through a call out of
// the compiled code and keeps its entries apart from its buckets; for 100,000 new keys that costs as much
// as the work it saves. Here the hash is taken from the characters in place, and each slot's hash and
// value sit side by side in one typed array, so a key that is not there is known from one read.

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
  private keys: (string | undefined)[] = [];
  /** Slot s: hash at 2s, value at 2s + 1 (-1 when the slot is empty). */
  private slots = new Int32Array(0);
  private mask = 0;
  private count = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.allocate(capacity);
  }

  /**
   * The value stored for `key`; or, when there is none, -1, having stored `value` for it: one look for
   * the usual "met before? else remember it".
   */
  getOrAdd(key: string, value: number): number {
    const hash = hashOf(key);
    const slots = this.slots;
    let slot = slotOf(hash, this.mask);
    for (;;) {
      const found = slots[2 * slot + 1]!;
      if (found < 0) break;
      if (slots[2 * slot] === hash && this.keys[slot] === key) return found;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = value;
    if (++this.count * 2 > this.keys.length) this.grow();
    return -1;
  }

  /** Changes the value of a key already in the table. */
  set(key: string, value: number): void {
    const hash = hashOf(key);
    for (let slot = slotOf(hash, this.mask); this.slots[2 * slot + 1]! >= 0; slot = (slot + 1) & this.mask) {
      if (this.slots[2 * slot] === hash && this.keys[slot] === key) {
        this.slots[2 * slot + 1] = value;
        return;
      }
    }
  }

  private allocate(capacity: number): void {
    this.keys = new Array<string | undefined>(capacity); // read only where a hash matches
    this.slots = new Int32Array(2 * capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.allocate(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (slots[2 * i + 1]! < 0) continue;
      const hash = slots[2 * i]!;
      let slot = slotOf(hash, this.mask);
      while (this.slots[2 * slot + 1]! >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[i];
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = slots[2 * i + 1]!;
    }
  }
}
