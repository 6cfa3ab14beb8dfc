import AudiobookAudio
import Foundation

/// One chapter of a read-along book: its XHTML (the title, then each paragraph with every
/// spoken sentence, or word, in a span with an id) and its Media Overlay, which pairs each
/// span with its stretch of the chapter's audio.
struct ReadAlongChapter {
  /// A `<par>`: the element `id` in the chapter's XHTML is read from `begin` to `end`
  /// (milliseconds into the audio file).
  struct Clip: Equatable {
    var id: String
    var begin: Int
    var end: Int
  }

  let number: Int
  let xhtml: String
  let clips: [Clip]

  /// The chapter's documents' names inside the EPUB's `EPUB/` folder.
  static func textName(_ number: Int) -> String { "text/chapter-\(padded(number)).xhtml" }
  static func overlayName(_ number: Int) -> String { "smil/chapter-\(padded(number)).smil" }
  static func padded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }

  /// Builds chapter `chapter` of the manifest.
  ///
  /// - Parameters:
  ///   - sampleRate: the manifest's rate, which its frames count.
  ///   - offset: where the chapter starts in its audio file, seconds (0 for a chapter file).
  ///   - words: pair each written word, not each sentence, with its audio.
  init(_ chapter: Manifest.Chapter, sampleRate: Int, offset: Double, words: Bool, language: String) {
    number = chapter.number
    func milliseconds(_ frame: Int) -> Int {
      Int(((offset + Double(frame) / Double(sampleRate)) * 1000).rounded())
    }
    var clips: [Clip] = []
    func clip(_ id: String, _ span: TimedSpan) {
      clips.append(Clip(id: id, begin: milliseconds(span.startFrame), end: milliseconds(span.startFrame + span.frames)))
    }
    let prefix = "c\(chapter.number)"
    var body = ""
    let heading = XMLText.escaped(chapter.title)
    if chapter.heading.frames > 0 {
      body += "<h1 id=\"\(prefix)-h\">\(heading)</h1>\n"
      clip("\(prefix)-h", chapter.heading)
    } else {
      body += "<h1>\(heading)</h1>\n"
    }
    for (index, paragraph) in chapter.paragraphs.enumerated() where !paragraph.sentences.isEmpty {
      let paragraphID = "\(prefix)-p\(index + 1)"
      let sentences = paragraph.sentences.enumerated().map { index, sentence in
        let id = "\(paragraphID)-s\(index + 1)"
        guard words, let timed = sentence.words, !timed.isEmpty else {
          clip(id, sentence)
          return "<span id=\"\(id)\">\(XMLText.escaped(sentence.text))</span>"
        }
        let spans = timed.enumerated().map { wordIndex, word in
          let wordID = "\(id)-w\(wordIndex + 1)"
          clip(wordID, TimedSpan(text: word.text, startFrame: word.startFrame, frames: word.frames))
          return "<span id=\"\(wordID)\">\(XMLText.escaped(word.text))</span>"
        }
        return "<span id=\"\(id)\">\(spans.joined(separator: " "))</span>"
      }
      body += "<p id=\"\(paragraphID)\">\(sentences.joined(separator: " "))</p>\n"
    }
    self.clips = clips
    xhtml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
      lang="\(language)" xml:lang="\(language)">
      <head>
      <meta charset="UTF-8"/>
      <title>\(heading)</title>
      <link rel="stylesheet" type="text/css" href="../style.css"/>
      </head>
      <body>
      <section id="\(prefix)" epub:type="chapter">
      \(body)</section>
      </body>
      </html>

      """
  }

  /// How long the overlay's clips last together, milliseconds (its `media:duration`).
  var duration: Int { clips.reduce(0) { $0 + max(0, $1.end - $1.begin) } }

  /// The chapter's Media Overlay (SMIL 3.0 as EPUB 3 profiles it): one `<par>` per clip, in
  /// reading order, against the audio file `audio` (a path from the overlay's folder).
  func overlay(audio: String) -> String {
    let text = "../\(Self.textName(number))"
    var pars = ""
    for (index, clip) in clips.enumerated() {
      pars +=
        "<par id=\"par\(index + 1)\"><text src=\"\(text)#\(clip.id)\"/>"
        + "<audio src=\"\(XMLText.escaped(audio))\" clipBegin=\"\(Self.clock(clip.begin))\" "
        + "clipEnd=\"\(Self.clock(clip.end))\"/></par>\n"
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
      <body>
      <seq id="seq1" epub:textref="\(text)#c\(number)" epub:type="chapter">
      \(pars)</seq>
      </body>
      </smil>

      """
  }

  /// A SMIL timecount in seconds with milliseconds: `12.345s`.
  static func clock(_ milliseconds: Int) -> String {
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
  }

  /// A full clock value, as the package's `media:duration` takes it: `1:02:03.456`.
  static func fullClock(_ milliseconds: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let seconds = milliseconds / 1000
    return "\(seconds / 3600):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(milliseconds % 1000, 3))"
  }
}

/// Text and attribute values for the XML a read-along book is made of.
enum XMLText {
  /// `text` with `& < > "` escaped, and the characters XML 1.0 cannot hold (control
  /// characters but tab and line ends, U+FFFE, U+FFFF) left out.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
