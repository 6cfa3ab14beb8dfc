import AudiobookKit
import Foundation
import Testing

/// `audiobook studio BOOK`: its API, against a running server (README, "Studio").
@Suite struct StudioCommandTests {
  @Test func theBookIsNumberedAsPlanNumbersIt() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let response = try studio.probe.get("/api/book")
    #expect(response.status == 200)
    #expect(response.headers["content-type"] == "application/json")
    let book = try #require(response.json)
    #expect(book["title"] as? String == "The Tide Clock")
    let plan = try Audiobook.run(["plan", "book.md", "--json"], in: studio.scratch.url)
    let planned =
      try #require(
        try JSONSerialization.jsonObject(with: plan.stdout) as? [String: Any])["chapters"] as? [[String: Any]]
    let chapters = try #require(book["chapters"] as? [[String: Any]])
    #expect(chapters.count == planned?.count)
    for (chapter, plannedChapter) in zip(chapters, planned ?? []) {
      #expect(chapter["number"] as? Int == plannedChapter["number"] as? Int)
      #expect(chapter["title"] as? String == plannedChapter["title"] as? String)
      #expect(chapter["sourceLine"] as? Int == plannedChapter["sourceLine"] as? Int)
      #expect((chapter["paragraphs"] as? [Any])?.count == plannedChapter["paragraphs"] as? Int)
    }
    let storm = try #require(chapters[1]["paragraphs"] as? [[String: Any]])
    #expect(storm[1]["address"] as? String == "2:2")
    #expect(storm[1]["sourceLine"] as? Int == 13)
    #expect(
      storm[1]["sentences"] as? [String] == ["\"Will it hold?\" asked the NTSB inspector.", "Mara said nothing."])
    #expect((book["spelled"] as? [String])?.contains("NTSB") == true)
  }

  @Test func aParagraphsAudioIsWhatSayWrites() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let wav = try studio.probe.get("/api/paragraph/2/2.wav")
    #expect(wav.status == 200)
    #expect(wav.headers["content-type"] == "audio/wav")
    let said = studio.scratch.appending("said.wav")
    let say = try Audiobook.run(
      ["say", "--book", "book.md", "--paragraph", "2:2", "--cache", "cache", "-o", said], in: studio.scratch.url)
    #expect(say.status == 0, "\(say.stderrText)")
    #expect(wav.body == (try Data(contentsOf: URL(fileURLWithPath: said))))

    let timings = try #require(try studio.probe.get("/api/paragraph/2/2.json").json)
    #expect(timings["sampleRate"] as? Int == 22050)
    let frames = try #require(timings["frames"] as? Int)
    #expect(frames == (try SoundFileReader(path: said).frames))
    let sentences = try #require(timings["sentences"] as? [[String: Any]])
    #expect(
      sentences.map { $0["text"] as? String } == ["\"Will it hold?\" asked the NTSB inspector.", "Mara said nothing."])
    var end = 0
    for sentence in sentences {
      let start = try #require(sentence["startFrame"] as? Int)
      #expect(start >= end, "sentences in order, apart")
      end = start + (try #require(sentence["frames"] as? Int))
      let words = try #require(sentence["words"] as? [[String: Any]])
      #expect(words.first?["startFrame"] as? Int == start)
    }
    #expect(end <= frames)
  }

  @Test func aSavedEditIsAnEventNamingTheParagraph() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let stream = try studio.probe.events(opened: {
      try studio.save(RunningStudio.book.replacingOccurrences(of: "burned until dawn", with: "burned all night"))
    }) { HTTPProbe.hasEvent("changed", in: $0) }
    let event = try #require(HTTPProbe.event("changed", in: stream))
    #expect(event["paragraphs"] as? [String] == ["2:3"])
    let book = try #require(try studio.probe.get("/api/book").json)
    let chapters = try #require(book["chapters"] as? [[String: Any]])
    let storm = try #require(chapters[1]["paragraphs"] as? [[String: Any]])
    #expect(storm[2]["sentences"] as? [String] == ["The lamp in the window burned all night."])
    #expect(book["version"] as? Int == 2)
  }

  @Test func aChangedParagraphIsSynthesizedInTheBackground() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    // The cache exists once the first paragraph is heard; watch it for the next clip.
    #expect(try studio.probe.get("/api/paragraph/1/1.wav").status == 200)
    let watch = try FolderWatch(studio.scratch.appending("cache"))
    _ = try studio.probe.events(opened: {
      try studio.save(RunningStudio.book.replacingOccurrences(of: "calm again", with: "flat and grey"))
    }) { HTTPProbe.hasEvent("changed", in: $0) }
    #expect(watch.waitFor(while: studio.running) { $0.hasSuffix(".clip") }, "no clip reached the cache after the edit")
  }

  @Test func aForeignHostIsRefused() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    for host in ["evil.example:\(studio.probe.port)", "127.0.0.1:1", "localhost.evil.example"] {
      let response = try studio.probe.get("/api/book", host: host)
      #expect(response.status == 403, "Host: \(host)")
      #expect(!response.text.contains("Tide Clock"))
    }
    let none = try studio.probe.request("GET", "/api/book", host: nil, version: "HTTP/1.0")
    #expect(none.status == 403)
    #expect(try studio.probe.get("/api/book", host: "localhost:\(studio.probe.port)").status == 200)
  }

  @Test func nothingButThePageAndTheBooksAudioIsServed() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    for path in [
      "/book.md", "/etc/passwd", "/../book.md", "/api/paragraph/9/1.wav", "/api/paragraph/1/9.json",
      "/api/paragraph/1/1.mp3", "/api/paragraph/../../book.md", "/cache",
    ] {
      let response = try studio.probe.get(path)
      #expect(response.status == 404, "\(path)")
      #expect(!response.text.contains("Mara"), "\(path)")
    }
    let page = try studio.probe.get("/")
    #expect(page.status == 200)
    #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
    #expect(try studio.probe.get("/studio.js").headers["content-type"]?.hasPrefix("text/javascript") == true)
  }

  @Test func aLexiconEntryIsSavedOnlyWithThePagesToken() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let entry = #"{"word": "Skerrow", "said": "SKERR-oh"}"#
    #expect(try studio.probe.post("/api/lexicon", json: entry).status == 403)
    #expect(try studio.probe.post("/api/lexicon", json: entry, headers: ["X-Audiobook-Token": "0"]).status == 403)
    let token = try studio.token()
    let foreign = ["X-Audiobook-Token": token, "Origin": "http://evil.example"]
    #expect(try studio.probe.post("/api/lexicon", json: entry, headers: foreign).status == 403)
    let lexicon = studio.scratch.appending("book.lexicon.yaml")
    #expect(!FileManager.default.fileExists(atPath: lexicon))

    let stream = try studio.probe.events(opened: {
      let saved = try studio.probe.post("/api/lexicon", json: entry, headers: ["X-Audiobook-Token": token])
      #expect(saved.status == 200, "\(saved.text)")
    }) { HTTPProbe.hasEvent("changed", in: $0) }
    #expect(try String(contentsOfFile: lexicon, encoding: .utf8) == "\"Skerrow\": \"SKERR-oh\"\n")
    #expect(HTTPProbe.event("changed", in: stream)?["paragraphs"] as? [String] == ["1:2"], "\(stream)")

    let bad = try studio.probe.post(
      "/api/lexicon", json: #"{"word": "two words!", "said": "x"}"#, headers: ["X-Audiobook-Token": token])
    #expect(bad.status == 422)
    #expect(try String(contentsOfFile: lexicon, encoding: .utf8) == "\"Skerrow\": \"SKERR-oh\"\n")
    // A lexicon shared through a link stays shared: nothing is written.
    try FileManager.default.moveItem(atPath: lexicon, toPath: studio.scratch.appending("shared.yaml"))
    try FileManager.default.createSymbolicLink(atPath: lexicon, withDestinationPath: "shared.yaml")
    let linked = try studio.probe.post(
      "/api/lexicon", json: #"{"word": "Mara", "said": "MAH-ra"}"#, headers: ["X-Audiobook-Token": token])
    #expect(linked.status == 409, "\(linked.text)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: lexicon) == "shared.yaml")
  }

  @Test func aRespellingCanBeHeardBeforeItIsSaved() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let plain = try studio.probe.get("/api/try?text=Skerrow")
    let respelled = try studio.probe.get("/api/try?text=Skerrow&word=Skerrow&said=skair-OH-zzz")
    #expect(plain.status == 200 && respelled.status == 200)
    #expect(plain.body.starts(with: Array("RIFF".utf8)))
    #expect(plain.body != respelled.body)
    #expect(try studio.probe.get("/api/try").status == 400)
  }

  @Test func aBookThatNoLongerReadsIsAProblemEventAndTheLastGoodBookStays() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let stream = try studio.probe.events(opened: {
      try studio.scratch.write("\"Mara\": [\n", to: "book.lexicon.yaml")
    }) { HTTPProbe.hasEvent("problem", in: $0) }
    #expect(stream.contains("book.lexicon.yaml:"), "\(stream)")
    let book = try #require(try studio.probe.get("/api/book").json)
    #expect((book["chapters"] as? [Any])?.count == 3)
    #expect((book["problem"] as? String)?.contains("book.lexicon.yaml") == true)
    #expect(try studio.probe.get("/api/paragraph/1/1.wav").status == 200)
    // Put right, the book is news again, though no paragraph sounds different.
    let mended = try studio.probe.events(opened: {
      try FileManager.default.removeItem(atPath: studio.scratch.appending("book.lexicon.yaml"))
    }) { HTTPProbe.hasEvent("changed", in: $0) }
    #expect(HTTPProbe.event("changed", in: mended)?["paragraphs"] as? [String] == [])
    #expect(try studio.probe.get("/api/book").json?["problem"] == nil)
  }

  @Test func anAbsurdChapterNumberIsA404AndLeavesTheServerWhole() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    for path in ["/api/paragraph/-9223372036854775808/1.json", "/api/paragraph/9223372036854775807/1.wav"] {
      #expect(try studio.probe.get(path).status == 404)
    }
    // The chapter asked for is where background synthesis starts; two changed paragraphs are
    // ordered by their distance from it.
    let stream = try studio.probe.events(opened: {
      try studio.save(
        RunningStudio.book.replacingOccurrences(of: "at six", with: "at seven")
          .replacingOccurrences(of: "calm again", with: "grey again"))
    }) { HTTPProbe.hasEvent("changed", in: $0) }
    #expect(HTTPProbe.event("changed", in: stream)?["paragraphs"] as? [String] == ["1:1", "3:1"])
    #expect(try studio.probe.get("/api/paragraph/3/1.wav").status == 200)
    #expect(studio.running.isRunning)
  }

  @Test func aPortInUseIsOneLineAndExit69() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let second = try Audiobook.run(
      ["studio", "book.md", "--port", String(studio.probe.port)], in: studio.scratch.url, timeout: 60)
    #expect(second.status == 69, "\(second.stderrText)")
    #expect(second.stderrLines.count == 1, "\(second.stderrText)")
    #expect(second.stderrText.contains("127.0.0.1"))
  }
}
