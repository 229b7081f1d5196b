import Foundation

/// A hash table from byte strings (words) to small integers, with its keys packed in one buffer.
///
/// Looking a word up hashes its bytes where they lie in the text: no key array is built, which is what makes the
/// per-word cost of `TermAnalyzer` one hash and one comparison. FNV-1a with a final mix; open addressing with
/// linear probing; each slot holds the entry number and 32 bits of its hash, so a probe touches one cache line
/// until the key comparison. Grows at half full. Not thread-safe (each thread has its own, see `TermAnalyzer`).
struct ByteTable {
    private var slots: [UInt64]  // hash << 32 | (entry + 1); 0 = empty
    private var starts: [Int] = [0]  // entry i's key is keys[starts[i]..<starts[i + 1]]
    private var keys: [UInt8] = []
    private(set) var values: [Int32] = []

    /// An empty table; it allocates on the first insert.
    init() { slots = [] }

    var count: Int { values.count }

    /// The value stored for `key`.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                    let entry = Int(slots[slot] & 0xFFFF_FFFF) - 1
                    if equals(entry, key) { return values[entry] }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        keys.append(contentsOf: key)
        starts.append(keys.count)
        values.append(value)
        place(entry: values.count - 1, hash: Self.hash(key))
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return keys.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, key.count) == 0 }
    }

    private mutating func place(entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(slots.count * 2, 64))
        for entry in values.indices {
            let hash = keys.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[starts[entry]..<starts[entry + 1]]))
            }
            place(entry: entry, hash: hash)
        }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        guard let base = bytes.baseAddress else { return hash }
        for index in 0..<bytes.count { hash = (hash ^ UInt64(base[index])) &* 0x100_0000_01b3 }
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd  // mix the high bits into the low ones the slots use
        return hash ^ (hash >> 33)
    }
}

/// UTF-8 bytes as a dictionary key, hashed in one pass (an `[UInt8]` key hashes byte by byte).
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}

/// A hash table from non-negative integers to small integers: the edges of a byte trie (`node << 8 | byte`).
/// Swift's `Dictionary` hashes every key with SipHash, which is most of the cost of walking a trie a byte at a
/// time; this one multiplies (Fibonacci hashing), with open addressing and linear probing, and grows at half full.
struct IntTable: Sendable {
    private var keys: [Int]  // -1 = empty
    private var values: [Int32]
    private var shift: Int
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 512) {
        var bits = 10
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = Array(repeating: -1, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    subscript(key: Int) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(key, shift)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found < 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: Int, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, shift)
        while keys[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private static func slot(_ key: Int, _ shift: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow() {
        let old = (keys, values)
        keys = Array(repeating: -1, count: old.0.count * 2)
        values = Array(repeating: 0, count: old.0.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(old.0, old.1) where key >= 0 { insert(key, value) }
    }
}
