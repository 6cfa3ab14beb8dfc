import Foundation
import AudiobookCore
import AudiobookText
import AudiobookSpeech

/// Writes one chapter file as clips arrive: room tone, the spoken title, paragraphs with the
/// preset's pauses between them, and a tail padded to a whole cue frame.
///
/// Nothing is kept but the file being written and the timings, so memory does not grow with
/// the chapter.
package final class ChapterAssembler {
  /// 1/75 s at 22,050 Hz: a cue sheet's frame. Chapter lengths are whole multiples of it.
  static func cueFrameLength(sampleRate: Int) -> Int { sampleRate / 75 }

  private let writer: SoundFileWriter

  /// Frames written so far.
  package var frames: Int { writer.frames }

  /// The most frames a chapter's paragraphs may fill: what a plain WAV holds (about 27 hours at
  /// 22,050 Hz) less room for the tail that `finish` adds (half a million frames, 24 s).
  package static let maximumFrames = AudioFormat.maximumWAVFrames - 1 << 19
  private let pauses: Pauses
  /// Whether sentence spans carry word timings.
  private let timesWords: Bool
  private var paragraphsWritten = 0

  package init(writer: SoundFileWriter, pauses: Pauses, timesWords: Bool = false) throws(AudiobookError) {
    self.writer = writer
    self.pauses = pauses
    self.timesWords = timesWords
    try writer.writeSilence(frames: frames(milliseconds: pauses.head))
  }

  /// The clip of a script's batch (`SpeechScript.batches`) by its index, asked for in order.
  package typealias Synthesize = (_ batch: Int) throws(AudiobookError) -> Clip

  /// Speaks the chapter title, then leaves the after-title pause.
  package func appendTitle(_ script: SpeechScript, synthesize: Synthesize) throws(AudiobookError) -> TimedSpan {
    let spans = try append(script, synthesize: synthesize)
    try writer.writeSilence(frames: frames(milliseconds: pauses.afterTitle))
    return spans.first ?? TimedSpan(text: "", startFrame: writer.frames, frames: 0)
  }

  /// Appends a paragraph (after a paragraph pause unless it is the first) and returns where
  /// each of its sentences landed.
  package func appendParagraph(_ script: SpeechScript, synthesize: Synthesize) throws(AudiobookError) -> [TimedSpan] {
    if paragraphsWritten > 0 { try writer.writeSilence(frames: frames(milliseconds: pauses.paragraph)) }
    paragraphsWritten += 1
    return try append(script, synthesize: synthesize)
  }

  /// Writes the tail room tone, at least `pauses.tail`, so the file ends on a cue frame.
  package func finish() throws(AudiobookError) -> Int {
    let cueFrame = Self.cueFrameLength(sampleRate: writer.sampleRate)
    let minimumEnd = writer.frames + frames(milliseconds: pauses.tail)
    let end = (minimumEnd + cueFrame - 1) / cueFrame * cueFrame
    try writer.writeSilence(frames: end - writer.frames)
    try writer.close()
    return end
  }

  /// Sentences separated by the sentence pause; the pieces of one overlong sentence by half of
  /// it; with a cast, the parts of a sentence by `Pauses.betweenParts`.
  private func append(_ script: SpeechScript, synthesize: Synthesize) throws(AudiobookError) -> [TimedSpan] {
    var nextBatch = 0
    var ready: ArraySlice<SpokenPiece> = []
    var spans: [TimedSpan] = []
    for (index, sentence) in script.sentences.enumerated() {
      if index > 0 { try writer.writeSilence(frames: frames(milliseconds: pauses.sentence)) }
      let start = writer.frames
      var words: [TimedWord] = []
      // With a cast: the piece each part starts at, and where each part landed.
      var partStarts: [Int: Int] = [:]
      var first = 0
      for (partIndex, part) in sentence.parts.enumerated() {
        partStarts[first] = partIndex
        first += part.pieces
      }
      let silences = Self.silences(within: sentence, pauses: pauses)
      var parts: [TimedPart] = []
      for (pieceIndex, text) in sentence.pieces.enumerated() {
        let partIndex = partStarts[pieceIndex]
        if pieceIndex > 0 { try writer.writeSilence(frames: frames(milliseconds: silences[pieceIndex - 1])) }
        if ready.isEmpty {
          ready = try synthesize(nextBatch).pieces[...]
          nextBatch += 1
        }
        guard let piece = ready.popFirst() else { break }
        if let partIndex {
          let part = sentence.parts[partIndex]
          parts.append(TimedPart(text: part.text, voice: part.voice, startFrame: writer.frames, frames: 0))
        }
        if timesWords { words += Self.words(of: piece, text: text, at: writer.frames) }
        try writer.write(piece.samples)
        if let last = parts.indices.last { parts[last].frames = writer.frames - parts[last].startFrame }
      }
      var span = TimedSpan(
        text: sentence.text, startFrame: start, frames: writer.frames - start,
        words: timesWords ? WrittenWords.timed(sentence.text, spoken: words) : nil)
      if parts.count == 1 { span.voice = parts[0].voice } else if parts.count > 1 { span.parts = parts }
      spans.append(span)
    }
    return spans
  }

  /// The silences between a sentence's pieces, in milliseconds: half the sentence pause
  /// between the pieces of an overlong sentence, `Pauses.betweenParts` where the voice changes.
  package static func silences(within sentence: SpeechScript.Sentence, pauses: Pauses) -> [Int] {
    var silences = Array(repeating: pauses.sentence / 2, count: max(0, sentence.pieces.count - 1))
    var first = 0
    for (index, part) in sentence.parts.enumerated() {
      if index > 0, first - 1 < silences.count, first > 0 {
        silences[first - 1] = pauses.betweenParts(after: sentence.parts[index - 1].text)
      }
      first += part.pieces
    }
    return silences
  }

  /// A piece's words in chapter frames, one per word as written (`7:45`, `a.m.`, `Brannock's`),
  /// each lasting until the next starts, the last until the piece ends.
  ///
  /// espeak-ng reports a word event for most words it speaks, so a number or an abbreviation
  /// read as several words gives several events inside one written word: those are merged,
  /// and the word starts at the first. It reports none for some short words it runs into a
  /// neighbour ("on the quay", "does not answer"): such a word shares the time of the word
  /// before it, split between them by length, so every written word is listed.
  package static func words(of piece: SpokenPiece, text: String, at offset: Int) -> [TimedWord] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Range<Int>] = []
    var start: Int?
    for (index, scalar) in scalars.enumerated() {
      let space = scalar.properties.isWhitespace
      if !space && start == nil { start = index }
      if space, let first = start {
        tokens.append(first..<index)
        start = nil
      }
    }
    if let first = start { tokens.append(first..<scalars.count) }
    // Words have a letter or a digit; a dash or a quotation mark alone is not one.
    tokens.removeAll { token in
      !scalars[token].contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    // The frame each word's first event starts at, for the words that have one.
    var anchors: [(token: Int, frame: Int)] = []
    for event in piece.words {
      // The written word holding the event's position, or the next one after it.
      guard let token = tokens.firstIndex(where: { $0.upperBound > event.textOffset }) else { continue }
      if let last = anchors.last, last.token >= token { continue }
      anchors.append((token, event.startFrame))
    }
    guard let first = anchors.first else { return [] }
    // Each anchored word and the unanchored ones after it (before it, for the first) share the
    // anchored word's time, in proportion to their lengths.
    var starts: [(token: Int, frame: Int)] = []
    for (index, anchor) in anchors.enumerated() {
      let from = index == 0 ? 0 : anchor.token
      let to = index + 1 < anchors.count ? anchors[index + 1].token : tokens.count
      let end = index + 1 < anchors.count ? anchors[index + 1].frame : piece.samples.count
      let begin = index == 0 ? min(first.frame, end) : anchor.frame
      let lengths = (from..<to).map { tokens[$0].count }
      let total = max(1, lengths.reduce(0, +))
      var done = 0
      for (token, length) in zip(from..<to, lengths) {
        starts.append((token, begin + (end - begin) * done / total))
        done += length
      }
    }
    return starts.enumerated().map { index, word in
      let end = index + 1 < starts.count ? starts[index + 1].frame : piece.samples.count
      var spelled = String.UnicodeScalarView()
      spelled.append(contentsOf: scalars[tokens[word.token]])
      return TimedWord(
        text: displayed(String(spelled)), startFrame: offset + word.frame, frames: max(0, end - word.frame))
    }
  }

  /// A written word without the punctuation around it: quotes, brackets, commas, a final stop,
  /// but the stops of an abbreviation such as `a.m.` stay.
  static func displayed(_ token: String) -> String {
    let around = CharacterSet(charactersIn: ",;:!?\"“”‘’'()[]{}—–…")
    var word = token.trimmingCharacters(in: around)
    if word.hasSuffix("."), word.dropLast().contains(".") == false { word.removeLast() }
    word = word.trimmingCharacters(in: around)
    return word.isEmpty ? token : word
  }

  private func frames(milliseconds: Int) -> Int { milliseconds * writer.sampleRate / 1000 }
}
