/// A hash table from byte strings (words) to small integers, with its keys packed in one buffer.
///
/// Looking a word up hashes its bytes where they lie in the text: no key array is built, which is what makes the
/// per-word cost of `TermAnalyzer` one hash and one comparison. FNV-1a, open addressing, linear probing; grows at
/// half full. Not thread-safe (each thread has its own, see `TermCache`).
struct ByteTable {
    private var slots: [Int32]  // entry + 1; 0 = empty
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]  // entry i's key is keys[starts[i]..<starts[i + 1]]
    private var keys: [UInt8] = []
    private(set) var values: [Int32] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    var count: Int { values.count }

    /// The value stored for `key`.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash && equals(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        keys.append(contentsOf: key)
        starts.append(keys.count)
        hashes.append(hash)
        values.append(value)
        place(entry: values.count - 1, hash: hash)
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == key.count else { return false }
        for index in 0..<key.count where keys[start + index] != key[index] { return false }
        return true
    }

    private mutating func place(entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for entry in hashes.indices { place(entry: entry, hash: hashes[entry]) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
