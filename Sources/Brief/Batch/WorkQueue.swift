import Foundation

/// A bounded first-in, first-out queue between one producer and many worker threads.
///
/// `push` waits while the queue is full, so a producer walking a huge tree stays only `capacity` items ahead of the
/// workers. `cancel()` drops what is queued and wakes everyone: `push` then returns false and `pop` nil.
/// Only one side can be waiting at a time (the producer on a full queue, workers on an empty one), so one `signal`
/// wakes the right thread; the producer is woken when the queue is half empty, not after every item.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {  // all state is guarded by `condition`
    private let condition = NSCondition()
    private var items: [Item] = []
    private var closed = false
    private var cancelled = false
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds an item, waiting for room; false when the queue was cancelled.
    func push(_ item: Item) -> Bool {
        condition.withLock {
            while items.count >= capacity && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            items.append(item)
            condition.signal()  // only workers can be waiting: the producer is here
            return true
        }
    }

    /// The next item, waiting for one; nil once the queue is closed and empty, or cancelled.
    func pop() -> Item? {
        condition.withLock {
            while items.isEmpty && !closed && !cancelled { condition.wait() }
            guard !cancelled, !items.isEmpty else { return nil }
            let item = items.removeFirst()
            if items.count == capacity / 2 { condition.signal() }  // wake the producer once it has room for a few
            return item
        }
    }

    /// No more items will come; workers stop when the queue is empty.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Drops the queued items; nothing more is handed out.
    func cancel() {
        condition.withLock {
            cancelled = true
            items.removeAll()
            condition.broadcast()
        }
    }

    var isCancelled: Bool { condition.withLock { cancelled } }
}

/// A value guarded by a lock.
final class Locked<Value>: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}
