import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` with each element transformed on a thread of its own, results in order; the first error in order is
    /// thrown. For a few slow, independent pieces of work, such as reading the glossaries a stage stacks.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { try transform(self[index]) })
        }
        return try results.values.map { try $0!.get() }
    }
}

/// The result slots of a `concurrentMap`, each written by one thread.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<T, any Error>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock()
        values[index] = result
        lock.unlock()
    }
}
