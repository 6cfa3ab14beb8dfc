extension SpeakerAttribution {
  /// A speaker as alternation counts them: a cast member, a correction's name, or somebody a tag named who is
  /// not in the cast (each a person of their own).
  struct Identity: Sendable, Equatable {
    var speaker: String?
    var taggedName: String?
    /// The cast member, for `he said` to refer back to.
    var member: Int?

    /// What tells two identities apart.
    var key: String { speaker ?? taggedName ?? "" }
  }

  /// Reads a chapter paragraph by paragraph, carrying what each paragraph leaves to the next: an open quotation
  /// and its speaker, who was named last, and the speakers of the current run of dialogue paragraphs.
  struct ChapterReader {
    let cast: CastIndex
    let corrections: [Int: String]
    var spoken: [SpokenQuotation] = []
    private var recency = Recency()
    private var openBefore: QuoteMark?
    /// The speaker of the quotation the previous paragraph left open.
    private var openSpeaker: Identity?
    /// The speakers of the last two turns of the current run of dialogue paragraphs (the latest last), and the
    /// run's length in turns.
    private var run: (twoBack: Identity?, oneBack: Identity?, length: Int) = (nil, nil, 0)

    init(cast: CastIndex, corrections: [Int: String]) {
      self.cast = cast
      self.corrections = corrections
    }

    /// Finds the quotations of one paragraph, attributes them and records them in `spoken`.
    mutating func read(_ text: String, paragraph: Int) {
      let characters = Array(text)
      let (quotations, openAtEnd) = Quotations.find(in: characters, openBefore: openBefore)
      openBefore = openAtEnd
      var segments: [[Token]] = []
      var from = 0
      for quotation in quotations {
        segments.append(tokens(of: characters, in: from..<max(from, quotation.range.lowerBound)))
        from = quotation.range.upperBound
      }
      segments.append(tokens(of: characters, in: from..<max(from, characters.count)))
      let tags = readTags(segments, count: quotations.count)
      guard !quotations.isEmpty else {
        run = (nil, nil, 0)
        openSpeaker = nil
        return
      }
      let attributions = decide(tags: tags, quotations: quotations, paragraph: paragraph)
      for (quotation, attribution) in zip(quotations, attributions) {
        spoken.append(
          SpokenQuotation(
            paragraph: paragraph, quotation: quotation,
            attribution: Attribution(
              speaker: attribution.identity?.speaker, reason: attribution.reason,
              taggedName: attribution.identity?.taggedName)))
      }
      let speaker = attributions.last { $0.identity != nil }?.identity
      // A paragraph continuing a speech is the same turn of the exchange, not the next one.
      run = quotations[0].continues ? (run.twoBack, speaker, run.length) : (run.oneBack, speaker, run.length + 1)
      openSpeaker = openAtEnd == nil ? nil : attributions.last?.identity
    }

    /// Each quotation's tag, the one after it first: walks the narration in reading order, noting the cast
    /// members it names so that `he` and `she` resolve to the last one named before them.
    private mutating func readTags(_ segments: [[Token]], count: Int) -> [(Identity, Attribution.Reason)?] {
      var after = [(Identity, Attribution.Reason)?](repeating: nil, count: count)
      var before = after
      for (index, segment) in segments.enumerated() {
        let tagAfter = index > 0 ? SpeakerAttribution.tagAfter(segment, cast: cast) : nil
        let tagBefore = index < count ? SpeakerAttribution.tagBefore(segment, cast: cast) : nil
        var position = 0
        while position <= segment.count {
          if let tagAfter { resolve(tagAfter, at: position, into: &after[index - 1]) }
          if let tagBefore { resolve(tagBefore, at: position, into: &before[index]) }
          guard position < segment.count else { break }
          if segment[position].kind == .word, segment[position].isCapitalized,
            let name = cast.readName(segment, at: position, end: segment.count), let member = name.member
          {
            note(member)
            position += name.length
          } else {
            position += 1
          }
        }
      }
      return zip(after, before).map { $0 ?? $1 }
    }

    /// Resolves `subject` into `slot`: a name at once (position 0), a pronoun when the walk reaches it.
    private mutating func resolve(
      _ subject: TagSubject, at position: Int, into slot: inout (Identity, Attribution.Reason)?
    ) {
      switch subject {
      case .member(let member):
        if position == 0 { slot = (identity(of: member), .tag) }
      case .other(let name):
        if position == 0 { slot = (Identity(speaker: nil, taggedName: name, member: nil), .tag) }
      case .pronoun(let gender, let token):
        guard position == token, let member = recency.resolve(gender) else { return }
        slot = (identity(of: member), .pronoun)
        note(member)
      }
    }

    /// The identity of cast member `member`.
    private func identity(of member: Int) -> Identity {
      Identity(speaker: cast.members[member].name, taggedName: nil, member: member)
    }

    /// Records that cast member `member` was named (in narration or as a speaker).
    private mutating func note(_ member: Int) {
      recency.note(member, gender: cast.members[member].gender)
    }

    /// The speaker of each quotation of a paragraph: a correction; else its tag, the continued speech's speaker,
    /// or the paragraph's speaker; else the alternation of the run; else nobody.
    private mutating func decide(
      tags: [(Identity, Attribution.Reason)?], quotations: [Quotation], paragraph: Int
    ) -> [(identity: Identity?, reason: Attribution.Reason)] {
      if let correction = corrections[paragraph] {
        let member = cast.member(named: correction)
        if let member { note(member) }
        let identity = Identity(speaker: correction, taggedName: nil, member: member)
        return quotations.map { _ in (identity, .correction) }
      }
      var decided: [(identity: Identity?, reason: Attribution.Reason)] = tags.map { ($0?.0, $0?.1 ?? .unattributed) }
      if quotations[0].continues, decided[0].identity == nil, let openSpeaker {
        decided[0] = (openSpeaker, .continued)
      }
      if let first = decided.firstIndex(where: { $0.identity != nil }) {
        var last = decided[first].identity
        for index in decided.indices where index != first {
          if decided[index].identity == nil {
            decided[index] = (last, .paragraph)
          } else if index > first {
            last = decided[index].identity
          }
        }
      } else if run.length >= 2, let twoBack = run.twoBack, let oneBack = run.oneBack, twoBack.key != oneBack.key {
        decided = decided.map { _ in (twoBack, .alternation) }
      }
      for entry in decided where entry.reason != .tag && entry.reason != .pronoun {
        if let member = entry.identity?.member { note(member) }
      }
      return decided
    }
  }
}
