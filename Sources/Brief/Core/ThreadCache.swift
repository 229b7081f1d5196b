import Foundation

/// Objects each thread keeps for itself: ICU break iterators and transliterators, compiled regular expressions and
/// the summarizer's word memo are costly to make and not safe to share, so every thread makes its own on first use
/// and keeps it until it exits. (A POSIX thread-specific dictionary: `Thread.current.threadDictionary` bridges
/// through `NSDictionary` on every lookup, which costs more than some of the work it saves.)
enum ThreadCache {
    private final class Storage {
        var objects: [String: AnyObject] = [:]
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in  // when a thread exits, its Storage goes
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// This thread's object for `key`, made by `create` the first time.
    static func object<Object: AnyObject>(_ key: String, create: () throws -> Object) rethrows -> Object {
        let storage: Storage
        if let pointer = pthread_getspecific(Self.key) {
            storage = Unmanaged<Storage>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            storage = Storage()
            pthread_setspecific(Self.key, Unmanaged.passRetained(storage).toOpaque())
        }
        if let object = storage.objects[key] as? Object { return object }
        let object = try create()
        storage.objects[key] = object
        return object
    }
}
