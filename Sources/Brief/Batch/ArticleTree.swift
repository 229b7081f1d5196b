import Foundation

/// The files of a folder tree in a fixed order (by name, folder by folder), listed one folder at a time, each with
/// the path of its output — so a walk holds only the folders on the current path, never the whole tree.
///
/// Hidden files and folders (`.name`), symbolic links to folders, and the output folder (when it lies inside the
/// input) are not visited.
struct ArticleTree: Sequence, IteratorProtocol {
    /// What a file is to a batch.
    enum Kind: Equatable {
        /// `.txt` or `.md`: one article, written in the batch's format.
        case article
        /// `.json` (one record or an array of records) or `.jsonl` (a record per line): written as JSON Lines.
        case records
        /// Any other file: skipped and counted.
        case other
        /// A folder that cannot be read, or two inputs that would share an output.
        case failure(BriefError)
        /// A folder (walked into, never returned).
        case folder
    }

    /// One file: its path relative to the root, its output's, and its kind.
    struct Entry: Equatable {
        var input: String
        var output: String
        var kind: Kind
    }

    let root: String
    let format: OutputFormat
    /// A folder (relative to `root`) not to walk: the output folder, when it is inside the input.
    let excluded: String?
    private var stack: [(entries: [Entry], next: Int)] = []

    init(root: String, format: OutputFormat, excluding excluded: String? = nil) {
        self.root = root
        self.format = format
        self.excluded = excluded
        stack = [listing(of: "")]
    }

    mutating func next() -> Entry? {
        while var top = stack.popLast() {
            guard top.next < top.entries.count else { continue }
            let entry = top.entries[top.next]
            top.next += 1
            stack.append(top)
            guard entry.kind != .folder else {
                stack.append(listing(of: entry.input))
                continue
            }
            return entry
        }
        return nil
    }

    /// One folder's entries, sorted by name, with subfolders marked and output names assigned.
    private func listing(of folder: String) -> (entries: [Entry], next: Int) {
        let path = folder.isEmpty ? root : root + "/" + folder
        guard let directory = opendir(path) else {
            let failure = BriefError(.io, "cannot read folder \(path)")
            return ([Entry(input: folder, output: folder, kind: .failure(failure))], 0)
        }
        // The directory's own type for each name (no stat per file); links and unknown types are looked up.
        var items: [(name: String, type: UInt8)] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { items.append((name, item.pointee.d_type)) }
        }
        closedir(directory)
        items.sort { $0.name < $1.name }
        var entries: [Entry] = [], folders: Set<String> = []
        for (name, type) in items {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var isFolder = Int(type) == Int(DT_DIR), isFile = Int(type) == Int(DT_REG)
            if !isFolder && !isFile {
                var info = stat(), link = stat()
                guard lstat(path + "/" + name, &link) == 0 else { continue }  // gone since the listing
                guard stat(path + "/" + name, &info) == 0 else {
                    // A link whose target is missing or unreadable: reported and counted, never skipped silently.
                    let reason = errno == ENOENT ? "a symbolic link to a file that does not exist"
                        : "unreadable (\(String(cString: strerror(errno))))"
                    let failure = BriefError(.noInput, "\(path)/\(name) is \(reason)")
                    entries.append(Entry(input: relative, output: relative, kind: .failure(failure)))
                    continue
                }
                let isLink = (link.st_mode & S_IFMT) == S_IFLNK
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR && !isLink  // a link to a folder is not walked
                isFile = (info.st_mode & S_IFMT) == S_IFREG
            }
            if isFolder && relative != excluded {
                folders.insert(relative)
                entries.append(Entry(input: relative, output: relative, kind: .folder))
            } else if isFile {
                entries.append(Entry(input: relative, output: "", kind: Self.kind(of: name)))
            }
        }
        assignOutputs(&entries, in: folder, folders: folders)
        return (entries, 0)
    }

    /// `aid.txt` → `aid.json` (for `--format json`); `feed.jsonl` → `feed.jsonl`. When two inputs of a folder would
    /// get the same name (`aid.txt`, `aid.md`), each keeps its extension: `aid.txt.json`, `aid.md.json`.
    private func assignOutputs(_ entries: inout [Entry], in folder: String, folders: Set<String>) {
        let prefix = folder.isEmpty ? "" : folder + "/"
        func name(_ entry: Entry, keepingExtension: Bool) -> String {
            let file = String(entry.input.dropFirst(prefix.count))
            let stem = keepingExtension ? file : String(Self.split(file).stem)
            return prefix + stem + "." + (entry.kind == .records ? "jsonl" : format.fileExtension)
        }
        let processed = entries.indices.filter { entries[$0].kind == .article || entries[$0].kind == .records }
        var counts: [String: Int] = [:]
        for index in processed { counts[name(entries[index], keepingExtension: false), default: 0] += 1 }
        var taken: [String: String] = [:]
        for index in processed {
            let short = name(entries[index], keepingExtension: false)
            let output = counts[short] == 1 ? short : name(entries[index], keepingExtension: true)
            if let other = taken[output] ?? (folders.contains(output) ? output : nil) {
                entries[index].kind = .failure(BriefError(.usage, "\(entries[index].input) and \(other) would both be "
                    + "written to \(output); rename one"))
            }
            taken[output] = entries[index].input
            entries[index].output = output
        }
    }

    /// A file name without and with its extension (`aid.en.txt` → `aid.en`, `txt`; `README` → `README`, ``).
    static func split(_ name: String) -> (stem: Substring, extension: Substring) {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return (name[...], "") }
        return (name[..<dot], name[name.utf8.index(after: dot)...])
    }

    static func kind(of name: String) -> Kind {
        switch split(name).extension.lowercased() {
        case "txt", "md": return .article
        case "json", "jsonl": return .records
        default: return .other
        }
    }
}

extension OutputFormat {
    /// The extension of files written in this format.
    var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        }
    }
}
