import Foundation

extension SpeakerAttribution {
  /// A name read from narration: the cast member it names, if any, and how it was written.
  struct NameRead: Sendable, Equatable {
    /// The index into the cast, or nil for somebody not in it (or a surname two cast members share).
    var member: Int?
    /// The name as written, title included (Mr. Collins).
    var display: String
    /// How many tokens it spans.
    var length: Int
    var isPossessive: Bool
  }

  /// The cast, indexed by every form the text may name its members by.
  ///
  /// Cast "Mr. Darcy" is named by "Mr. Darcy", "Mr Darcy" and "Darcy"; "Elizabeth Bennet" by "Elizabeth",
  /// "Bennet" and "Miss Bennet". A form two members share (Bennet, for Mr. and Mrs. Bennet) names neither.
  struct CastIndex: Sendable {
    /// One cast member's name split for matching.
    struct Member: Sendable {
      var name: String
      var gender: CastName.Gender?
      var title: String?
      var words: [String]
    }

    private(set) var members: [Member] = []
    /// Forms with a title ("mr darcy") to member indices.
    private var titled: [String: [Int]] = [:]
    /// Forms without a title ("darcy", "elizabeth bennet") to member indices.
    private var untitled: [String: [Int]] = [:]

    init(_ cast: [CastName]) {
      for castName in cast {
        var words = castName.name.split(whereSeparator: \.isWhitespace).map {
          $0.lowercased().trimmingCharacters(in: ["."])
        }.filter { !$0.isEmpty }
        var title: String?
        if words.count > 1, isTitle(words[0]) { title = words.removeFirst() }
        guard !words.isEmpty else { continue }
        let index = members.count
        let gender = castName.gender ?? title.flatMap(SpeakerAttribution.gender(ofTitle:))
        members.append(Member(name: castName.name, gender: gender, title: title, words: words))
        let forms = Set([words.joined(separator: " "), words[0], words[words.count - 1]])
        for form in forms {
          untitled[form, default: []].append(index)
          if let title { titled[title + " " + form, default: []].append(index) }
        }
      }
    }

    /// The member named by `words` (lower-cased) after `title`, or nil when none or more than one is.
    func match(title: String?, words: [String]) -> Int? {
      let key = words.joined(separator: " ")
      if let title {
        if let found = titled[title + " " + key] { return found.count == 1 ? found[0] : nil }
        let gender = SpeakerAttribution.gender(ofTitle: title)
        let found = (untitled[key] ?? []).filter {
          members[$0].title == nil && (gender == nil || members[$0].gender == nil || members[$0].gender == gender)
        }
        return found.count == 1 ? found[0] : nil
      }
      let found = untitled[key] ?? []
      if found.count == 1 { return found[0] }
      let exact = found.filter { members[$0].title == nil && members[$0].words.joined(separator: " ") == key }
      return exact.count == 1 ? exact[0] : nil
    }

    /// The member whose cast name is exactly `name` (a correction naming a cast member), or nil.
    func member(named name: String) -> Int? {
      members.firstIndex { $0.name == name }
    }

    /// Reads a name at `start`: an optional title and up to three capitalised words that are no common words,
    /// matched longest first (Elizabeth Bennet, then Elizabeth). Nil when no name starts there.
    func readName(_ tokens: [Token], at start: Int, end: Int) -> NameRead? {
      var index = start
      var title: Token?
      if index < end, tokens[index].kind == .word, tokens[index].isCapitalized, isTitle(tokens[index].lower),
        !tokens[index].isPossessive
      {
        title = tokens[index]
        index += 1
      }
      var words: [Token] = []
      while index < end, words.count < 3, isNameWord(tokens, at: index) {
        words.append(tokens[index])
        index += 1
        if words[words.count - 1].isPossessive { break }
      }
      if words.isEmpty {
        guard let title else { return nil }
        words = [title]
        return read(title: nil, words: words)
      }
      return read(title: title, words: words)
    }

    /// The longest prefix of `words` that names a member, or all of them as somebody not in the cast.
    private func read(title: Token?, words: [Token]) -> NameRead {
      let titleLength = title == nil ? 0 : 1
      let lowered = words.map(\.lower)
      for count in stride(from: words.count, through: 1, by: -1) {
        if let member = match(title: title?.lower, words: Array(lowered[0..<count])) {
          return NameRead(
            member: member, display: members[member].name, length: titleLength + count,
            isPossessive: words[count - 1].isPossessive)
        }
      }
      let display = ((title.map { [$0.text] } ?? []) + words.map(\.text)).joined(separator: " ")
      return NameRead(
        member: nil, display: display, length: titleLength + words.count,
        isPossessive: words.last?.isPossessive ?? false)
    }

    /// A capitalised word that may be (part of) a name: no title, common word or speech verb.
    private func isNameWord(_ tokens: [Token], at index: Int) -> Bool {
      let token = tokens[index]
      return token.kind == .word && token.isCapitalized && !isTitle(token.lower) && !notNames.contains(token.lower)
        && speechVerbLength(tokens, at: index) == nil && !(token.lower.first?.isNumber ?? false)
    }
  }

  /// Who was named last, by gender: what `he said` and `she said` refer to.
  struct Recency: Sendable {
    private var clock = 0
    private var male: (member: Int, time: Int)?
    private var female: (member: Int, time: Int)?
    private var unknown: (member: Int, time: Int)?

    /// Records that `member` was named now.
    mutating func note(_ member: Int, gender: CastName.Gender?) {
      clock += 1
      switch gender {
      case .male: male = (member, clock)
      case .female: female = (member, clock)
      case nil: unknown = (member, clock)
      }
    }

    /// The member `he` (male) or `she` (female) refers to: the last named of that gender, or somebody of unknown
    /// gender named after them.
    func resolve(_ gender: CastName.Gender) -> Int? {
      let known = gender == .male ? male : female
      if let unknown, unknown.time > (known?.time ?? 0) { return unknown.member }
      return known?.member
    }
  }
}
