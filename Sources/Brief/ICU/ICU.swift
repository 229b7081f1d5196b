import CICU

/// Thin Swift helpers over the ICU C API (through the `CICU` target's stable names).
enum ICU {
    /// Raised when an ICU call fails; carries ICU's error name.
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let status: Int32
        var description: String { "ICU \(call) failed: \(String(cString: brief_icu_error_name(status)))" }
    }

    static func check(_ status: Int32, _ call: String) throws {
        if status > 0 { throw Failure(call: call, status: status) }
    }

    /// Calls an ICU function that fills a buffer, growing the buffer once when ICU asks for more room.
    static func fill<Unit: FixedWidthInteger>(
        _: Unit.Type, capacity: Int, _ call: String,
        _ body: (UnsafeMutablePointer<Unit>, Int32, inout Int32) -> Int32
    ) throws -> [Unit] {
        var buffer = [Unit](repeating: 0, count: max(capacity, 1))
        var status: Int32 = 0
        var length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32($0.count), &status) }
        if status == Int32(BRIEF_ICU_BUFFER_OVERFLOW) {
            buffer = [Unit](repeating: 0, count: Int(length) + 1)
            status = 0
            length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32($0.count), &status) }
        }
        try check(status, call)
        return Array(buffer.prefix(Int(length)))
    }

    private static func localeString(_ call: String, _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32) -> String {
        let chars = (try? fill(CChar.self, capacity: 64, call, body)) ?? []
        return String(decoding: chars.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Locales

    /// The ICU locale ID for a BCP 47 tag, and whether ICU parsed the whole tag.
    static func localeID(forLanguageTag tag: String) -> (id: String, complete: Bool) {
        var parsed: Int32 = 0
        let id = localeString("uloc_forLanguageTag") { brief_loc_for_language_tag(tag, $0, $1, &parsed, &$2) }
        return (id, Int(parsed) == tag.utf8.count)
    }

    /// The language subtag of an ICU locale ID.
    static func languageCode(of localeID: String) -> String {
        localeString("uloc_getLanguage") { brief_loc_language(localeID, $0, $1, &$2) }
    }

    /// The likely script (ISO 15924) of an ICU locale ID, from CLDR's likely subtags.
    static func likelyScript(of localeID: String) -> String {
        let maximized = localeString("uloc_addLikelySubtags") { brief_loc_add_likely_subtags(localeID, $0, $1, &$2) }
        let script = localeString("uloc_getScript") { brief_loc_script(maximized, $0, $1, &$2) }
        return script.isEmpty ? "Zyyy" : script
    }

    /// The CLDR display name of a locale, in English.
    static func displayName(of localeID: String, in displayLocale: String = "en") -> String {
        let chars = (try? fill(UInt16.self, capacity: 64, "uloc_getDisplayName") {
            brief_loc_display_name(localeID, displayLocale, $0, $1, &$2)
        }) ?? []
        return String(decoding: chars, as: UTF16.self)
    }

    /// The ISO 3166 region codes ICU knows, in ICU's order.
    static let isoRegions: [String] = {
        var result: [String] = []
        guard var cursor = brief_loc_iso_countries() else { return result }
        while let code = cursor.pointee {
            result.append(String(cString: code))
            cursor += 1
        }
        return result
    }()

    /// The CLDR names of regions in a locale's language ("North Korea" / "Северная Корея"), full or short ("US"),
    /// by region code; a region CLDR has no name of its own for in that locale is left out.
    static func regionNames(_ regions: [String], in locale: String, short: Bool = false) -> [String: String] {
        var status: Int32 = 0
        guard let names = brief_region_names_open(locale, short ? 1 : 0, &status), status <= 0 else { return [:] }
        defer { brief_region_names_close(names) }
        var result: [String: String] = [:]
        var buffer = [UInt16](repeating: 0, count: 128)
        for region in regions {
            var status: Int32 = 0
            let length = brief_region_name(names, region, &buffer, Int32(buffer.count), &status)
            if status <= 0, length > 0, length <= buffer.count {
                result[region] = String(decoding: buffer[..<Int(length)], as: UTF16.self)
            }
        }
        return result
    }

    /// The ISO 639 language codes ICU knows.
    static let isoLanguages: Set<String> = {
        var result = Set<String>()
        guard var cursor = brief_loc_iso_languages() else { return result }
        while let code = cursor.pointee {
            result.insert(String(cString: code))
            cursor += 1
        }
        return result
    }()

    // MARK: Characters

    /// The ISO 15924 short name of a scalar's script ("Latn", "Arab", "Zyyy" for common characters).
    static func scriptCode(of scalar: Unicode.Scalar) -> String { scriptName(scriptNumber(of: scalar)) }

    /// ICU's number for a scalar's script (cheap; `scriptName` turns it into ISO 15924).
    static func scriptNumber(of scalar: Unicode.Scalar) -> Int32 { brief_char_script(Int32(scalar.value)) }

    /// ICU's script number for Latin.
    static let latinScriptCode = scriptNumber(of: "a")

    /// The ISO 15924 short name of an ICU script number.
    static func scriptName(_ code: Int32) -> String {
        guard let name = brief_script_short_name(code) else { return "Zzzz" }
        return String(cString: name)
    }

    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { brief_char_is_alpha(Int32(scalar.value)) != 0 }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { brief_char_is_upper(Int32(scalar.value)) != 0 }
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { brief_char_is_lower(Int32(scalar.value)) != 0 }
}

extension ICU {
    /// ICU's charset detector's best guess for `bytes`: the charset's name and its confidence (0–100).
    static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        let sample = Array(bytes.prefix(1 << 16))
        let confidence = sample.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) {
                brief_charset_detect($0.baseAddress, Int32($0.count), &name, Int32(name.count))
            }
        }
        guard confidence >= 0 else { return nil }
        return (String(cString: name), Int(confidence))
    }

    /// `bytes` in `charset` as UTF-8, or nil when ICU does not know the charset or cannot convert them.
    static func utf8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        func convert(_ capacity: Int) -> (Int64, [UInt8]) {
            var output = [UInt8](repeating: 0, count: max(capacity, 1))
            let length = bytes.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { source in
                    output.withUnsafeMutableBufferPointer { target in
                        target.withMemoryRebound(to: CChar.self) {
                            brief_charset_to_utf8(charset, source.baseAddress, Int32(source.count), $0.baseAddress, Int64($0.count))
                        }
                    }
                }
            }
            return (length, output)
        }
        var (length, output) = convert(bytes.count * 2 + 16)
        if length > Int64(output.count) { (length, output) = convert(Int(length)) }
        guard length >= 0, length <= Int64(output.count) else { return nil }
        return Array(output.prefix(Int(length)))
    }
}
