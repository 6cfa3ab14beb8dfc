/// A name in the cast, with what is known of the character's gender (for `he said` / `she said`).
public struct CastName: Sendable, Equatable {
  /// A character's gender, as far as pronouns go.
  public enum Gender: Sendable, Equatable { case male, female }

  /// As the cast writes it: "Elizabeth", "Mr. Darcy", "Mrs. Bennet".
  public var name: String
  /// A hint from the voice (variant m3 / f2); a title in the name (Mr., Sir, Lord, Mrs., Miss, Lady, ...) also
  /// tells, when this is nil.
  public var gender: Gender?

  /// A cast member called `name`.
  public init(_ name: String, gender: Gender? = nil) {
    self.name = name
    self.gender = gender
  }
}

/// Who speaks one quotation, and why: the reason lets a report show how sure the guess is.
public struct Attribution: Sendable, Equatable {
  /// How the speaker was found, from the surest to none.
  public enum Reason: String, Sendable {
    /// A speech tag next to the quotation names the speaker: "said Elizabeth", "Elizabeth replied".
    case tag
    /// "he said" / "she asked": the cast member last named (of that gender when known).
    case pronoun
    /// Another quotation in the same paragraph has a tag (one speaker per paragraph).
    case paragraph
    /// Continues the previous paragraph's open quotation.
    case continued
    /// An untagged quotation in a run of two-person dialogue: the other speaker of the two.
    case alternation
    /// The caller's correction for this paragraph.
    case correction
    /// None of the above: the default dialogue voice.
    case unattributed
  }

  /// A cast name exactly as in `CastName.name`, a correction's name as given, or nil (default `dialogue` voice).
  public var speaker: String?
  /// How the speaker was found.
  public var reason: Reason
  /// The name a tag gave when it is nobody in the cast ("said Mr. Collins" → "Mr. Collins", "said the footman" →
  /// "the footman", "said Bennet" when two cast members are Bennets → "Bennet"), so the report can say so; the
  /// quotations that take that speaker by paragraph, continuation or alternation carry it too.
  public var taggedName: String?

  /// An attribution, so that callers and tests can build expected values.
  public init(speaker: String?, reason: Reason, taggedName: String? = nil) {
    self.speaker = speaker
    self.reason = reason
    self.taggedName = taggedName
  }
}

/// One quotation with its speaker.
public struct SpokenQuotation: Sendable, Equatable {
  /// Index into the paragraphs given.
  public var paragraph: Int
  /// Where the quotation lies in its paragraph.
  public var quotation: Quotation
  /// Who speaks it.
  public var attribution: Attribution

  /// A quotation of paragraph `paragraph` spoken as `attribution` says.
  public init(paragraph: Int, quotation: Quotation, attribution: Attribution) {
    self.paragraph = paragraph
    self.quotation = quotation
    self.attribution = attribution
  }
}

/// Decides who speaks each quotation of a chapter, so that dialogue can be read in the characters' voices.
///
/// Reads speech tags next to quotations (`said Elizabeth`, `she replied`), then spreads what they tell: to the
/// other quotations of a paragraph, to a speech continued over paragraphs, and through two-person exchanges
/// whose lines alternate untagged. One pass over the chapter, linear in its length.
public enum SpeakerAttribution {
  /// The quotations of one chapter's paragraphs (in reading order) and who speaks each.
  /// - corrections: by paragraph index, the speaker of every quotation in that paragraph (the author's
  ///   correction; it wins over everything and later alternation flows from it).
  public static func attribute(
    paragraphs: [String], cast: [CastName], corrections: [Int: String] = [:]
  ) -> [SpokenQuotation] {
    var reader = ChapterReader(cast: CastIndex(cast), corrections: corrections)
    for (index, text) in paragraphs.enumerated() {
      reader.read(text, paragraph: index)
    }
    return reader.spoken
  }
}
