import AudiobookCore
import AudiobookBook
import AudiobookText
import AudiobookSpeech

/// What `plan --lexicon-report` shows: every replacement the lexicons make in a book (word,
/// how it is said, count, first line, the entry) and the words espeak-ng would spell out
/// letter by letter, which want an entry.
public struct LexiconReport: Codable, Sendable, Equatable {
  public struct Replacement: Codable, Sendable, Equatable {
    /// The lexicon's word.
    public var word: String
    /// The respelling, or the phonemes as `[[...]]`.
    public var saidAs: String
    public var count: Int
    /// The manuscript line of the first paragraph where it is replaced.
    public var firstLine: Int
    /// `file:line` of the entry.
    public var entry: String
  }

  public struct SpelledWord: Codable, Sendable, Equatable {
    public var word: String
    public var count: Int
    public var firstLine: Int
  }

  public var replacements: [Replacement]
  public var spelledOut: [SpelledWord]

  /// Reads `book` as `render` would with `preset`, and asks espeak-ng which remaining words it
  /// would spell out.
  ///
  /// - Parameter workerExecutable: the `audiobook` executable, whose synthesis worker asks
  ///   espeak-ng (see `SpelledWords`).
  /// - Throws: `.badInput` for text that cannot be spoken; espeak-ng's failure to start.
  public init(
    book: Book, preset: VoicePreset, workerExecutable: String = SynthesisWorker.defaultExecutable()
  ) throws(AudiobookError) {
    let lexicon = preset.lexicon(forBookIn: book.language).merging(book.lexicon)
    let splitter = SentenceSplitter(language: book.language)
    var replaced: [String: Replacement] = [:]
    var candidates: [String: SpelledWord] = [:]
    func count(_ texts: [String], _ replacements: [Lexicon.Replacement], line: Int) {
      for replacement in replacements {
        let entry = replacement.entry
        replaced[
          entry.word,
          default: Replacement(
            word: entry.word, saidAs: entry.spokenText, count: 0, firstLine: line,
            entry: "\(entry.file):\(entry.line)")
        ].count += 1
      }
      for text in texts {
        for word in Self.plainWords(of: text) where SpelledWords.isCandidate(word) {
          candidates[String(word), default: SpelledWord(word: String(word), count: 0, firstLine: line)].count += 1
        }
      }
    }
    for chapter in book.chapters {
      // The title is spoken too, as `render` says it.
      let title = SpeechText.spokenTitleWithReplacements(of: chapter, lexicon: lexicon, language: book.language)
      count(title.phrases, title.replacements, line: chapter.sourceLine)
      for paragraph in chapter.paragraphs {
        for sentence in splitter.sentences(in: paragraph.text) {
          let collapsed = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          let (text, replacements) = SpeechText.spoken(collapsed, lexicon: lexicon, language: book.language)
          count([text], replacements, line: paragraph.sourceLine)
        }
      }
    }
    let spelled: Set<String>
    do {
      spelled = try SpelledWords.find(
        in: candidates.keys.sorted(), settings: preset.engine, workerExecutable: workerExecutable)
    } catch {
      throw preset.failure(error)
    }
    replacements = replaced.values.sorted { ($0.firstLine, $0.word) < ($1.firstLine, $1.word) }
    spelledOut = candidates.values.filter { spelled.contains($0.word) }
      .sorted { ($0.firstLine, $0.word) < ($1.firstLine, $1.word) }
  }

  /// The words of speech text outside phonemes from the lexicon, as they would be looked up:
  /// runs of letters, without what follows an apostrophe (`I'll` → `I`), and none with digits
  /// (`4th`).
  static func plainWords(of text: String) -> [Substring] {
    var words: [Substring] = []
    var inPhonemes = false
    var start: String.Index?
    func finish(at end: String.Index) {
      guard let begun = start else { return }
      start = nil
      let token = text[begun..<end]
      guard !token.contains(where: \.isNumber) else { return }
      let word = token.prefix { $0 != "'" }
      if !word.isEmpty { words.append(word) }
    }
    for index in text.indices {
      let character = text[index]
      if character == Lexicon.phonemeStart { inPhonemes = true }
      let isWordCharacter = !inPhonemes && (character.isLetter || character.isNumber || character == "'")
      if isWordCharacter, start == nil { start = index }
      if !isWordCharacter { finish(at: index) }
      if character == Lexicon.phonemeEnd { inPhonemes = false }
    }
    finish(at: text.endIndex)
    return words
  }

  /// Key-sorted pretty JSON with a final newline.
  public func encoded() throws -> [UInt8] {
    try StableJSON.encode(self)
  }
}

extension Lexicon.Entry {
  /// How the entry says the word, as written in the lexicon.
  public var spokenText: String {
    switch spoken {
    case .respelling(let text): text
    case .phonemes(let phonemes): "[[\(phonemes)]]"
    case .language(let language): "{ language: \(language) }"
    }
  }
}
