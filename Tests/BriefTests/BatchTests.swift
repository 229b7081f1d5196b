import Foundation
import Testing
@testable import Brief

/// A folder tree in a temporary directory, for batch runs.
struct TemporaryTree {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-batch-\(UUID().uuidString)").path

    /// Writes `contents` to `path` (relative to the root), creating folders.
    func write(_ path: String, _ contents: String) throws { try write(path, bytes: Data(contents.utf8)) }

    func write(_ path: String, bytes: Data) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    /// A fixture article, copied to `path`.
    func article(_ language: String, at path: String) throws { try write(path, Fixtures.text("articles/\(language).txt")) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) -> String { (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? "" }

    /// Every file under `folder`, relative to it, hidden ones included, sorted.
    func files(_ folder: String) -> [String] {
        let base = path(folder)
        let all = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return all.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// The report of the batch that wrote `out`.
    func report(_ out: String = "out") throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(out + "/.brief/report.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Articles, a binary file, other files, a hidden folder and a JSON Lines file.
    static func standard() throws -> TemporaryTree {
        let tree = TemporaryTree()
        try tree.article("en", at: "in/en.txt")
        try tree.article("fr", at: "in/world/fr.md")
        try tree.article("th", at: "in/world/asia/th.txt")
        try tree.article("ru", at: "in/.hidden/ru.txt")
        try tree.write("in/broken.txt", bytes: Data((0..<2048).map { UInt8($0 % 256) }))
        try tree.write("in/notes.pdf", "%PDF-1.4")
        try tree.write("in/world/photo.png", "PNG")
        try tree.write("in/feeds/wire.jsonl", """
            {"id": "w1", "text": "The council met on Monday. It approved the budget after a long debate. The mayor signed it."}
            {"id": 2, "lang": "fr", "text": "Le conseil s'est réuni lundi. Il a approuvé le budget. Le maire l'a signé."}

            """)
        return tree
    }
}

@Suite("brief batch")
struct BatchTests {
    @Test("mirrors the layout, counts skipped files, and a binary file fails without stopping the others")
    func mirrorsLayout() throws {
        let tree = try TemporaryTree.standard()
        defer { tree.remove() }
        let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--format", "json", "--jobs", "2"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.txt looks like a binary file"))
        #expect(result.stderr.contains("1 of 5 files failed: broken.txt"))
        #expect(tree.files("out") == [".brief/lock", ".brief/manifest", ".brief/report.json", "en.json", "feeds/wire.jsonl",
                                      "world/asia/th.json", "world/fr.json"])
        let report = try tree.report()
        #expect(report["files"] as? Int == 5)
        #expect(report["done"] as? Int == 4)
        #expect(report["failed"] as? Int == 1)
        #expect(report["ignored"] as? Int == 2)
        #expect(report["articles"] as? Int == 5)
        let failures = try #require(report["failures"] as? [[String: Any]])
        #expect(failures.map { $0["path"] as? String } == ["broken.txt"])
        #expect(failures.first?["code"] as? Int == 65)
        let english = try JSONSerialization.jsonObject(with: Data(tree.read("out/en.json").utf8)) as? [String: Any]
        #expect(english?["id"] as? String == "en.txt")
        #expect(english?["language"] as? String == "en")
        #expect(tree.read("out/world/fr.json").contains(#""language":"fr""#))
        #expect(!tree.files("").contains { $0.hasSuffix(AtomicFile.temporarySuffix) }, "no temporary files are left")
    }

    @Test("outputs another Brief made are kept but named on resume; --redo-older redoes just those")
    func otherBuilds() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.article("en", at: "in/en.txt")
        try tree.article("fr", at: "in/fr.txt")
        let arguments = ["batch", tree.path("in"), "--out", tree.path("out")]
        #expect(try CLI.run(arguments).status == 0)
        let manifest = tree.path("out/.brief/manifest")
        let lines = tree.read("out/.brief/manifest").split(separator: "\n")
        #expect(lines.first == "# brief batch manifest v3: path-hash key output-size stamp b<build> input-path")
        // As an older Brief left it: one line from before builds were recorded, one from another build.
        let older: [String] = [String(lines[0]), String(lines[1].replacing(/\sb[0-9a-f]{16}\s/, with: " ")),
                               String(lines[2].replacing(/\sb[0-9a-f]{16}\s/, with: " b0000000000000001 "))]
        try (older.joined(separator: "\n") + "\n").write(toFile: manifest, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(arguments)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("0 done, 2 up to date"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("2 of the outputs kept were made by another version or build of Brief"))
        #expect(try tree.report()["madeByOtherBuild"] as? Int == 2)
        let redone = try CLI.run(arguments + ["--redo-older"])
        #expect(redone.stderr.contains("2 done, 0 up to date"), "\(redone.stderr)")
        let again = try CLI.run(arguments)
        #expect(again.stderr.contains("0 done, 2 up to date") && !again.stderr.contains("another version"), "\(again.stderr)")
    }

    @Test("a dangling symbolic link in the folder is reported by path and counted as failed, never skipped silently")
    func danglingLink() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.article("en", at: "in/en.txt")
        try FileManager.default.createSymbolicLink(atPath: tree.path("in/gone.txt"), withDestinationPath: tree.path("nowhere.txt"))
        let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out")])
        #expect(result.status == 66)
        #expect(result.stderr.contains("\(tree.path("in/gone.txt")) is a symbolic link to a file that does not exist"))
        #expect(result.stderr.contains("1 of 2 files failed: gone.txt"))
        #expect(tree.files("out").contains("en.txt"))
        let report = try tree.report()
        #expect(report["failed"] as? Int == 1)
        #expect((report["failures"] as? [[String: Any]])?.first?["code"] as? Int == 66)
    }

    @Test("a second run skips current outputs; an edited input, new options or --force redo them")
    func resume() throws {
        let tree = try TemporaryTree.standard()
        defer { tree.remove() }
        let arguments = ["batch", tree.path("in"), "--out", tree.path("out"), "--format", "json", "--quiet"]
        _ = try CLI.run(arguments)
        let first = tree.read("out/en.json")

        _ = try CLI.run(arguments)
        var report = try tree.report()
        #expect(report["done"] as? Int == 0)
        #expect(report["upToDate"] as? Int == 4)
        #expect(report["failed"] as? Int == 1, "a failed file is tried again, and fails again")
        #expect(tree.read("out/en.json") == first)

        try tree.write("in/world/fr.md", Fixtures.text("articles/fr.txt") + "\nUne phrase de plus.\n")
        _ = try CLI.run(arguments)
        report = try tree.report()
        #expect(report["done"] as? Int == 1)
        #expect(report["upToDate"] as? Int == 3)

        _ = try CLI.run(arguments + ["--sentences", "2"])
        #expect(try tree.report()["done"] as? Int == 4, "another pipeline setting makes every output stale")

        try FileManager.default.removeItem(atPath: tree.path("out/en.json"))
        _ = try CLI.run(arguments + ["--sentences", "2"])
        report = try tree.report()
        #expect(report["done"] as? Int == 1, "a missing output is made again")
        #expect(FileManager.default.fileExists(atPath: tree.path("out/en.json")))

        _ = try CLI.run(arguments + ["--sentences", "2", "--force"])
        #expect(try tree.report()["done"] as? Int == 4)
        let manifest = tree.read("out/.brief/manifest").split(separator: "\n")
        #expect(manifest.count == 5, "the manifest is compacted: a header and one line per output")
    }

    @Test("a resume trusts an input's unchanged size and time without reading it; a touched input is checked by content")
    func resumeByStamp() throws {
        let tree = try TemporaryTree.standard()
        defer { tree.remove() }
        let arguments = ["batch", tree.path("in"), "--out", tree.path("out"), "--format", "json", "--quiet"]
        _ = try CLI.run(arguments)
        let input = tree.path("in/en.txt")
        let time = try #require(try FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date)

        // Same content, new time: read, found unchanged by its hash, not redone; the manifest learns the new time.
        try FileManager.default.setAttributes([.modificationDate: time.addingTimeInterval(60)], ofItemAtPath: input)
        _ = try CLI.run(arguments)
        #expect(try tree.report()["done"] as? Int == 0)
        #expect(tree.read("out/.brief/manifest").contains("en.txt"))

        // New content of the same size, and its old time put back: the stamp is trusted, so it is not read.
        let original = tree.read("in/en.txt")
        try tree.write("in/en.txt", String(original.reversed()))
        try FileManager.default.setAttributes([.modificationDate: time.addingTimeInterval(60)], ofItemAtPath: input)
        _ = try CLI.run(arguments)
        #expect(try tree.report()["done"] as? Int == 0)

        // Any other time: read, found changed, redone.
        try FileManager.default.setAttributes([.modificationDate: time.addingTimeInterval(120)], ofItemAtPath: input)
        _ = try CLI.run(arguments)
        #expect(try tree.report()["done"] as? Int == 1)
    }

    @Test("outputs made with other data files (an edited stopword list) are not current")
    func dataChangesMakeOutputsStale() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.article("en", at: "in/en.txt")
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("Dictionaries").path,
                                         toPath: tree.path("data"))
        let arguments = ["batch", tree.path("in"), "--out", tree.path("out"), "--quiet"]
        let environment = ["BRIEF_DATA": tree.path("data")]
        _ = try CLI.run(arguments, environment: environment)
        _ = try CLI.run(arguments, environment: environment)
        #expect(try tree.report()["upToDate"] as? Int == 1)
        let stopwords = tree.path("data/stopwords/en.txt")
        try (String(contentsOfFile: stopwords, encoding: .utf8) + "officials\n").write(
            toFile: stopwords, atomically: true, encoding: .utf8)
        _ = try CLI.run(arguments, environment: environment)
        #expect(try tree.report()["done"] as? Int == 1)
    }

    @Test("outputs are byte-identical for --jobs 1 and --jobs 3")
    func jobsDoNotChangeOutputs() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        let languages = ["en", "fr", "ru", "am", "th", "zh-Hans", "fa", "es", "km", "vi", "sw", "my"]
        for (index, language) in languages.enumerated() {
            try tree.article(language, at: "in/\(index % 3)/\(language).txt")
        }
        try tree.write("in/feeds/a.jsonl", languages.prefix(4).map { language in
            String(decoding: try! JSONSerialization.data(withJSONObject: [
                "id": language, "text": Fixtures.text("articles/\(language).txt")]), as: UTF8.self)
        }.joined(separator: "\n"))
        for (jobs, out) in [("1", "one"), ("3", "three")] {
            let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path(out), "--format", "json", "--jobs", jobs])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let outputs = tree.files("one").filter { !$0.hasPrefix(".brief/") }
        #expect(outputs.count == languages.count + 1)
        #expect(tree.files("three").filter { !$0.hasPrefix(".brief/") } == outputs)
        for file in outputs {
            let one = try Data(contentsOf: URL(fileURLWithPath: tree.path("one/" + file)))
            let three = try Data(contentsOf: URL(fileURLWithPath: tree.path("three/" + file)))
            #expect(one == three, "\(file)")
        }
    }

    @Test("JSON Lines and JSON records: one output line per record, in order; a bad record fails its file")
    func records() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.write("in/wire.jsonl", """
            {"id": "a", "text": "The council met on Monday. It approved the budget. The mayor signed it."}
            {"id": "b", "text": "Police said 12 people were held. Talks resume Friday."}
            not json
            {"id": "c", "lang": "es", "text": "El consejo se reunió el lunes. Aprobó el presupuesto."}
            """)
        try tree.write("in/one.json", #"{"id": 7, "text": "A single record. It has two sentences."}"#)
        try tree.write("in/list.json", #"[{"id": "x", "text": "First record here."}, {"id": "y"}]"#)
        let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--format", "markdown"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("wire.jsonl: 1 of 4 records failed"))
        #expect(result.stderr.contains("list.json: 1 of 2 records failed"))
        #expect(tree.files("out").filter { !$0.hasPrefix(".brief/") } == ["list.jsonl", "one.jsonl", "wire.jsonl"])
        let lines = tree.read("out/wire.jsonl").split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(lines.count == 4)
        #expect(lines.map { $0["id"] as? String } == ["a", "b", nil, "c"])
        #expect((lines[2]["error"] as? [String: Any])?["code"] as? Int == 65)
        #expect(lines[3]["language"] as? String == "es")
        #expect(tree.read("out/one.jsonl").hasPrefix(#"{"id":7,"language":"en""#))
        #expect(tree.read("out/list.jsonl").split(separator: "\n").count == 2)
        #expect(try tree.report()["articles"] as? Int == 5)
    }

    @Test("--fail-fast stops at the first failure")
    func failFast() throws {
        let tree = try TemporaryTree.standard()
        defer { tree.remove() }
        let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--jobs", "1", "--fail-fast"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("--fail-fast"))
        let report = try tree.report()
        #expect(report["stoppedAtFirstFailure"] as? Bool == true)
        #expect(report["done"] as? Int == 0, "broken.txt comes first, and nothing starts after it")
    }

    @Test("inputs that would share an output keep their extensions; text output keeps .txt")
    func outputNames() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.article("en", at: "in/aid.txt")
        try tree.article("en", at: "in/aid.md")
        try tree.article("fr", at: "in/paris.md")
        let result = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--format", "text"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(tree.files("out").filter { !$0.hasPrefix(".brief/") } == ["aid.md.txt", "aid.txt.txt", "paris.txt"])
    }

    @Test("folders are checked: a missing input, and an output that contains the input")
    func folders() throws {
        let tree = try TemporaryTree.standard()
        defer { tree.remove() }
        #expect(try CLI.run(["batch", tree.path("missing"), "--out", tree.path("out")]).status == 66)
        #expect(try CLI.run(["batch", tree.path("in"), "--out", tree.root]).status == 64)
        #expect(try CLI.run(["batch", tree.path("in"), "--out", tree.path("in/")]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: tree.path("in/.brief")), "nothing is written into the input")
        #expect(try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--jobs", "0"]).status == 64)
        let inside = try CLI.run(["batch", tree.path("in"), "--out", tree.path("in/briefs"), "--quiet"])
        #expect(inside.status == 65)
        #expect(try tree.report("in/briefs")["files"] as? Int == 5, "the output folder inside the input is not walked")
    }

    @Test("cancel() lets files in flight finish, leaves no partial output, and a second run resumes")
    func cancel() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        for index in 0..<8 { try tree.article("en", at: "in/\(index).txt") }
        let pipeline = try StageRegistry.standard.pipeline(PipelineSpec.standard())
        var options = Batch.Options(input: tree.path("in"), output: tree.path("out"))
        options.jobs = 1
        let box = Box()
        let batch = Batch(pipeline: pipeline, options: options) { event in
            if case .finished = event { box.batch?.cancel() }
        }
        box.batch = batch
        let first = try batch.run()
        #expect(first.cancelled)
        #expect(first.totals.done >= 1 && first.totals.done < 8)
        #expect(tree.files("out").filter { !$0.hasPrefix(".brief/") }.count == first.totals.done)
        #expect(!tree.files("out").contains { $0.hasSuffix(AtomicFile.temporarySuffix) })

        let second = try Batch(pipeline: pipeline, options: options).run()
        #expect(!second.cancelled)
        #expect(second.totals.upToDate == first.totals.done)
        #expect(second.totals.done == 8 - first.totals.done)
    }

    /// A batch of `articles` copies of an article, started as a process and returned once `outputs` are written.
    static func batchUnderWay(_ tree: TemporaryTree, articles: Int, outputs: Int, arguments: [String],
                              stderr: Pipe? = nil) throws -> Process {
        for index in 0..<articles { try tree.article("en", at: "in/\(index / 50)/\(index).txt") }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["batch", tree.path("in"), "--out", tree.path("out")] + arguments
        if let stderr { process.standardError = stderr }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while tree.files("out").filter({ $0.hasSuffix(".txt") }).count < outputs && process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        return process
    }

    @Test("SIGINT finishes the files in flight and says how to resume")
    func interrupt() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        let error = Pipe()
        let process = try Self.batchUnderWay(tree, articles: 500, outputs: 1, arguments: ["--jobs", "1"], stderr: error)
        process.interrupt()
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("run the same command again to resume"))
        let report = try tree.report()
        #expect(report["cancelled"] as? Bool == true)
        #expect((report["done"] as? Int ?? 0) < 500)
        #expect(!tree.files("out").contains { $0.hasSuffix(AtomicFile.temporarySuffix) })
    }

    @Test("kill -9 in the middle of a batch leaves no partial output and no stale lock; the rerun does the rest")
    func killed() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        let process = try Self.batchUnderWay(tree, articles: 400, outputs: 20, arguments: ["--jobs", "2", "--quiet"])
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let written = tree.files("out").filter { $0.hasSuffix(".txt") }
        #expect(written.count < 400, "the batch was killed before the end")
        #expect(!tree.files("").contains { $0.hasSuffix(AtomicFile.temporarySuffix) })
        let whole = try CLI.run(["batch", tree.path("in"), "--out", tree.path("check"), "--jobs", "1", "--quiet"])
        #expect(whole.status == 0)
        let reference = tree.read("check/0/0.txt")
        #expect(!reference.isEmpty)
        for file in written { #expect(tree.read("out/" + file) == reference, "\(file) is whole") }
        let rerun = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out"), "--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let report = try tree.report()
        #expect((report["done"] as? Int ?? 0) + (report["upToDate"] as? Int ?? 0) == 400)
        // Every output the killed run had recorded is kept; one it had linked into place but not yet recorded (at
        // most one per worker) is made again, identical — its provenance is unknown, so it is not trusted.
        let kept = report["upToDate"] as? Int ?? 0
        #expect(kept <= written.count && kept >= written.count - 2, "kept \(kept) of \(written.count)")
    }

    /// Runs `mount` with `arguments`; its exit status (-1 when it cannot run).
    static func mount(_ arguments: [String], command: String = "/bin/mount") -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Mounts a 64 KB tmpfs and runs `body` on it; does nothing where mounting is not allowed.
    static func withSmallDisk(_ body: (String) throws -> Void) throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("brief-disk-\(UUID())").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        guard mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]) == 0 else { return }
        defer { _ = mount([mountPoint], command: "/bin/umount") }
        try body(mountPoint)
    }

    @Test("a disk that fills up stops the files cleanly: exit 74, whole outputs only, and a rerun with room finishes",
          .enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
    func fullDisk() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        for index in 0..<60 { try tree.article("en", at: "in/\(index).txt") }
        var ran = false
        try Self.withSmallDisk { disk in
            ran = true
            let full = try CLI.run(["batch", tree.path("in"), "--out", disk + "/out", "--format", "json", "--jobs", "2"])
            #expect(full.status == 74, "\(full.stderr)")
            #expect(full.stderr.contains("No space left on device"))
            let outputs = (try? FileManager.default.contentsOfDirectory(atPath: disk + "/out")) ?? []
            #expect(!outputs.contains { $0.contains(AtomicFile.temporarySuffix) }, "no temporary files are left")
            #expect(outputs.filter { $0.hasSuffix(".json") }.count < 60)
            for name in outputs where name.hasSuffix(".json") {
                let data = try Data(contentsOf: URL(fileURLWithPath: disk + "/out/" + name))
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is whole")
            }
            #expect(Self.mount(["-o", "remount,size=4m", disk]) == 0)  // room made
            let rerun = try CLI.run(["batch", tree.path("in"), "--out", disk + "/out", "--format", "json"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let finished = (try? FileManager.default.contentsOfDirectory(atPath: disk + "/out")) ?? []
            #expect(finished.filter { $0.hasSuffix(".json") }.count == 60)
        }
        if !ran { print("full-disk test skipped: tmpfs could not be mounted") }
    }

    @Test("a second batch into the same output folder is refused with a clear message while the first runs")
    func locked() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        try tree.article("en", at: "in/en.txt")
        try FileManager.default.createDirectory(atPath: tree.path("out/.brief"), withIntermediateDirectories: true)
        var holder: OutputLock? = try OutputLock(folder: tree.path("out"))  // as a running batch holds it
        let second = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out")])
        #expect(second.status == 74)
        #expect(second.stderr.contains("another brief batch (process \(getpid())) is writing into \(tree.path("out"))"),
                "\(second.stderr)")
        #expect(!tree.files("out").contains("en.txt"))
        #expect(holder != nil)
        holder = nil  // the first batch ends
        let after = try CLI.run(["batch", tree.path("in"), "--out", tree.path("out")])
        #expect(after.status == 0)
    }

    @Test("an output appears whole or not at all: nothing before commit, replaced whole, nothing left by a discard")
    func atomicFiles() throws {
        let tree = TemporaryTree()
        defer { tree.remove() }
        let first = "{\"summary\": \"first\"}\n"
        let file = try AtomicFile(tree.path("out/a/brief.json"))
        try file.append(first)
        #expect(tree.files("out").isEmpty, "nothing is visible before commit")
        #expect(try file.commit() == first.utf8.count)
        #expect(tree.read("out/a/brief.json") == first)

        let replacement = try AtomicFile(tree.path("out/a/brief.json"))
        try replacement.append("{\"summary\": \"second\"}\n")
        #expect(tree.read("out/a/brief.json").contains("first"), "the old output stays until commit")
        try replacement.commit()
        #expect(tree.read("out/a/brief.json") == "{\"summary\": \"second\"}\n")

        let abandoned = try AtomicFile(tree.path("out/a/other.json"))
        try abandoned.append("partial")
        abandoned.discard()
        #expect(tree.files("out") == ["a/brief.json"])
    }
}

/// Lets a batch's event handler reach the batch.
private final class Box: @unchecked Sendable {
    var batch: Batch?
}
