/// A rule by which `Segmenter` adds a sentence break ICU does not make (see `Segmenter` for the whole flow).
///
/// The raw value is the rule's stable name: `SegmentStage` with `explain: true` reports it on each sentence
/// (`Sentence.rule`), with `icu` for a break ICU made and `end` for the end of the text. A *forced* break is never
/// joined; the join rules may undo the others.
public enum SentenceBreakRule: String, CaseIterable, Sendable {
    /// A break ICU's sentence rules made, kept as is.
    case icu
    /// The end of the text.
    case end
    /// Tibetan shad ། and nyis shad ༎ end a sentence (ICU knows neither), unless a shad closes a clause (after ནས, ཤིང).
    case tibetanShad
    /// A Tibetan space after a syllable ending in ག or ཀ ends a sentence: no shad is written after them.
    case tibetanSpace
    /// Ethiopic ፡፡, typed for ።, ends a sentence.
    case ethiopicStandIn
    /// Burmese ၊၊, typed for ။, ends a sentence.
    case burmeseStandIn
    /// Khmer khan ។ and bariyosan ៕ end a sentence (not the ។ of ។ល។, "etc.").
    case khmerKhan
    /// An Armenian plain colon before a space ends a sentence: typists use it for the full stop ։.
    case armenianColon
    /// A Thai or Lao space ends a sentence when nothing says the sentence goes on (`SpaceBoundaries`).
    case thaiSpace
    /// A period glued to the next sentence (`world.The`, `1,000.That`) is a missing space.
    case gluedPeriod
    /// Numbered references glued to a terminator (`large.[7][8] This`) belong to the sentence before.
    case references
    /// A dash after a terminator opens a line of dialogue or a list item (`see? - Posted`).
    case dialogueDash
    /// A number after a sentence ending in a number starts a sentence (`es 2. 2 + 2`): ICU waits for a lowercase letter.
    case numberAfterNumber
    /// A lowercase word after an ordinary word of six or more letters and a period may start one (Greek `κανένας. το`).
    case longWordPeriod
    /// A word after `…` and a space may start a sentence: ICU does not count `…` as a terminator.
    case ellipsisSpace
    /// Forced: a bullet (• ◦ ‣ ⁃ ▪ ● ■ ►) after a space starts a list item.
    case bullet
    /// Forced: a list marker (`1.`, `2)`, `a.)`, `iv)`, `1.）`) at the start of a line, or `N.)` anywhere, starts an item.
    case listItem
    /// Forced: mid-line list markers that form a sequence (`a. … b. … c.`, `1) … 2)`) start items.
    case listSequence
    /// Forced: a capitalized lowercase word glued to a lowercase word (`secteurDésormais`) is a lost line break.
    case gluedParagraph
    /// Forced: a quotation glued to a capital (`tenir"François`, `médecin."L'unité`) is a lost line break.
    case gluedQuote

    /// Whether a join can undo the break.
    var isForced: Bool {
        switch self {
        case .bullet, .listItem, .listSequence, .gluedParagraph, .gluedQuote: return true
        default: return false
        }
    }

    /// The scripts the rule is about (their characters or spacing); nil for a rule of every script it applies to.
    var scripts: Set<String>? {
        switch self {
        case .tibetanShad, .tibetanSpace: return ["Tibt"]
        case .ethiopicStandIn: return ["Ethi"]
        case .burmeseStandIn: return ["Mymr"]
        case .khmerKhan: return ["Khmr"]
        case .armenianColon: return ["Armn"]
        case .thaiSpace: return ScriptTraits.unpunctuated
        default: return nil
        }
    }

    /// Whether the segmenter applies the rule to text in `language`.
    func applies(to language: Language) -> Bool {
        let traits = language.traits
        switch self {
        case .tibetanSpace, .armenianColon, .thaiSpace: return scripts?.contains(language.script) ?? false
        case .gluedPeriod, .references, .longWordPeriod, .gluedQuote: return traits.startsSentencesWithCapital
        case .gluedParagraph: return traits.startsSentencesWithCapital && !language.prefixesNames
        case .ellipsisSpace: return traits.writesWordsWithSpaces
        default: return true
        }
    }
}

/// A rule by which `Segmenter` removes a sentence break (ICU's or its own) that is no sentence end.
///
/// The raw value is the rule's stable name, reported by `SegmentStage.explanation(of:)`. After `burmeseComma` and
/// `quotation`, which drop breaks before the joins, the rules are tried in this order on each remaining break; the
/// first that decides wins: most decide only to join, some (`ellipsis`, `lowercaseWord`, the abbreviations) keep or
/// join. No rule joins a break that none decides on.
public enum SentenceJoinRule: String, CaseIterable, Sendable {
    /// Burmese ၊ is a comma (Unicode counts it as a terminator): no break after a single one, nor inside ၊၊ (or ፡፡).
    case burmeseComma
    /// A break inside a quotation or bracket on one line (or glued references) is no sentence end (`"We won. We are
    /// happy," he said.`).
    case quotation
    /// A list marker standing alone (`1.)`, `• 2.`, `iv)`) belongs to its item.
    case listMarker
    /// A break with no space, not after a terminator, splits a token (Korean `“…”라고`, `15.(금)`).
    case gluedToken
    /// `. . .` or an ellipsis glued to a word never ends a sentence; `...`/`…` and a space ends one only before a
    /// capital (in scripts without capitals, unless a `continuation` word follows).
    case ellipsis
    /// A `continuation` word after a closed quotation carries the sentence on (Burmese quotative ဟု).
    case continuation
    /// A parenthesis after a closing quotation mark is a citation or comment on it (`"…" (Smith 55).`).
    case citation
    /// Scripts without capitals: a quotation that opens the sentence or asks inside it, and a title in 《 》 or 〈 〉,
    /// go on into the text after it on the line (`「我們一定會贏！」一名球迷說。`; see `quotationJoins`) — but not into a
    /// Latin capital after an ASCII terminator (a common break), which starts a sentence in a cased script.
    case attribution
    /// A parenthesis opened inside the sentence does not end it (`মেজর জেনারেল (অব.) আবদুল করিম`).
    case innerParenthesis
    /// A lowercase word on the same line goes on with the sentence (`"Stop!" he said.`), but not after `?` outside
    /// Spanish `¿…?`, nor after an ordinary word of six or more letters and a period.
    case lowercaseWord
    /// A break inside a dotted abbreviation written without spaces (Georgian `ა.შ.`, `ძვ.წ.`).
    case dottedAbbreviation
    /// Dates written with periods (`2024. 3. 15.`, `15. 3. 2024.`) are one sentence.
    case numericDate
    /// A `title` abbreviation (`Dr.`, `Sept.`, `UDkt.` for `uDkt.`) never ends a sentence.
    case title
    /// A `final` abbreviation (`etc.`, `p.m.`) ends a sentence unless a lowercase word, a number or a `continuation`
    /// word (`10 p.m. EDT`) follows.
    case finalAbbreviation
    /// An `abbr` abbreviation (`U.S.`, `Inc.`) ends a sentence only before a sentence starter (`the U.S. Millions`).
    case abbreviation
    /// Initials (`J.`, `J.R.R.`) end a sentence only before a sentence starter or at a paragraph break, and never
    /// before another initial.
    case initial
    /// A single lowercase letter and a period (`z. B.`, `v. If`) is an abbreviation or a variable.
    case singleLetter
    /// A short capitalized word before a number is a number abbreviation (`No. 5`, `SEC. 1262`, `Ext. 1010`).
    case numberAbbreviation
    /// A day-of-month (`3. Oktober`) or Roman (`XII. pluk`) ordinal, in languages that write ordinals with a period.
    case ordinal

    /// The rules tried on each break after the drops, in order.
    static let joins: [SentenceJoinRule] = allCases.filter { $0 != .burmeseComma && $0 != .quotation }

    /// Whether the rule can join a common break (`Segmenter.CommonBreak`): one with spaces at the break and a capital
    /// after it, that ends in a terminator or a quote (not `)`) after lowercase letters or a number. It has no glued
    /// token or dotted abbreviation, lowercase word, date, number abbreviation or inner parenthesis, initials or
    /// single letter; `attribution` leaves common breaks alone, and the drops come before.
    var canJoinCommonBreaks: Bool {
        switch self {
        case .listMarker, .ellipsis, .continuation, .citation, .title, .finalAbbreviation, .abbreviation, .ordinal:
            return true
        case .burmeseComma, .quotation, .gluedToken, .attribution, .innerParenthesis, .lowercaseWord,
             .dottedAbbreviation, .numericDate, .initial, .singleLetter, .numberAbbreviation:
            return false
        }
    }

    /// The scripts the rule is about (their characters); nil for a rule of every script it applies to.
    var scripts: Set<String>? { self == .burmeseComma ? ["Mymr"] : nil }

    /// Whether the segmenter applies the rule to text in `language`.
    func applies(to language: Language) -> Bool {
        let traits = language.traits
        switch self {
        case .quotation: return traits.hasSentencePunctuation
        case .gluedToken, .ellipsis: return traits.writesWordsWithSpaces
        case .attribution: return !traits.startsSentencesWithCapital && traits.hasSentencePunctuation
        case .ordinal: return language.writesOrdinalsWithPeriod
        default: return true
        }
    }
}
