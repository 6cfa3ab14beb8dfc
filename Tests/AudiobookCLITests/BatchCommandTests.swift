import AudiobookKit
import Foundation
import Testing

/// Rendering in CI: shards over several processes, one assembly, a report, `verify`.
@Suite struct BatchCommandTests {
  /// N shard processes each fill their own cache; the caches are merged by copying; one
  /// assembly then synthesizes nothing and gives the bytes of a one-machine render.
  @Test(arguments: [2, 3])
  func shardsMergedThenAssembledEqualAOneMachineRender(count: Int) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = Fixtures.exampleBook
    let shards = try (1...count).map { index in
      try Audiobook.start(
        ["render", book, "--shard", "\(index)/\(count)", "--cache", scratch.appending("cache-\(index)")],
        in: scratch.url)
    }
    var assigned = 0
    for running in shards {
      let result = running.wait()
      #expect(result.status == 0, "\(result.stderrText)")
      #expect(!FileManager.default.fileExists(atPath: scratch.appending("Output")), "a shard assembled something")
      let clips = Int(result.stdoutText.split(separator: " ")[2]) ?? -1
      #expect(clips > 0, "every shard gets work: \(result.stdoutText)")
      assigned += clips
    }
    let merged = scratch.appending("merged")
    for index in 1...count { try merge(scratch.appending("cache-\(index)"), into: merged) }
    let assembly = try Audiobook.run(
      ["render", book, "--cache", merged, "-o", scratch.appending("assembled"), "--progress", "json"], in: scratch.url)
    #expect(assembly.status == 0, "\(assembly.stderrText)")
    #expect(assembly.stderrText.contains("\"paragraphsToSynthesize\":0"))
    #expect(assembly.stderrText.contains("\"cacheMisses\":0"))
    #expect(assembly.stderrText.contains("\"cacheHits\":\(assigned)"))

    let single = try Audiobook.run(["render", book, "-o", scratch.appending("single"), "-q"], in: scratch.url)
    #expect(single.status == 0)
    let a = scratch.appending("assembled/the-lighthouse-ledger")
    let b = scratch.appending("single/the-lighthouse-ledger")
    let files = try FileManager.default.contentsOfDirectory(atPath: b).sorted()
    #expect(try FileManager.default.contentsOfDirectory(atPath: a).sorted() == files)
    for file in files {
      #expect(
        FileManager.default.contents(atPath: "\(a)/\(file)") == FileManager.default.contents(atPath: "\(b)/\(file)"))
    }
  }

  @Test func aKubernetesIndexedJobTakesItsShardFromTheEnvironment() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let explicit = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--shard", "2/3", "--cache", scratch.appending("a")], in: scratch.url)
    let indexed = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--shards", "3", "--cache", scratch.appending("b")], in: scratch.url,
      environment: ["JOB_COMPLETION_INDEX": "1"])
    #expect(indexed.status == 0, "\(indexed.stderrText)")
    #expect(
      explicit.stdoutText.components(separatedBy: " into ")[0]
        == indexed.stdoutText.components(separatedBy: " into ")[0])
    let missing = try Audiobook.run(["render", Fixtures.exampleBook, "--shards", "3"], in: scratch.url)
    #expect(missing.status == 64)
    #expect(missing.stderrText.contains("JOB_COMPLETION_INDEX"))
    let bad = try Audiobook.run(["render", Fixtures.exampleBook, "--shard", "4/3"], in: scratch.url)
    #expect(bad.status == 64)
  }

  @Test func reportAndVerify() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let report = scratch.appending("report.json")
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--report", report], in: scratch.url)
    #expect(result.status == 0)
    #expect(!result.stderrText.contains("\u{1B}["), "no ANSI codes without a terminal")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
    let chapters = try #require(json["chapters"] as? [[String: Any]])
    #expect(chapters.count == 3)
    for key in ["file", "durationSeconds", "paragraphs", "cacheHits", "cacheMisses", "synthesisSeconds"] {
      #expect(chapters.allSatisfy { $0[key] != nil }, "chapters lack \(key)")
    }
    #expect(chapters.map { $0["cacheMisses"] as? Int } == [4, 5, 5])
    #expect(json["wallSeconds"] is Double || json["wallSeconds"] is Int)
    #expect(json["speed"] != nil)
    #expect((json["totals"] as? [String: Any])?["paragraphs"] as? Int == 11)

    let folder = scratch.appending("out/the-lighthouse-ledger")
    let good = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(good.status == 0, "\(good.stderrText)")
    // From inside the folder, as `.`: the cue sheet is still the folder's.
    let here = try Audiobook.run(["verify", "."], in: URL(fileURLWithPath: folder))
    #expect(here.status == 0, "\(here.stderrText)")
    try FileManager.default.removeItem(atPath: "\(folder)/02 Chapter 2 The Crossing.wav")
    let bad = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(bad.status == 1)
    #expect(bad.stderrLines == ["\(folder)/02 Chapter 2 The Crossing.wav: missing"])
    #expect(try Audiobook.run(["verify", scratch.appending("nothing")], in: scratch.url).status == 66)
  }

  @Test func quietPrintsNothingButErrors() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "-q"], in: scratch.url)
    #expect(result.status == 0)
    #expect(result.stdoutText.isEmpty && result.stderrText.isEmpty)
  }

  /// Copies every file of `source` into `destination`, as a CI job merging artifacts does.
  func merge(_ source: String, into destination: String) throws {
    let enumerator = FileManager.default.enumerator(atPath: source)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(source)/\(relative)", isDirectory: &isDirectory)
      if isDirectory.boolValue {
        try FileManager.default.createDirectory(atPath: "\(destination)/\(relative)", withIntermediateDirectories: true)
      } else if !FileManager.default.fileExists(atPath: "\(destination)/\(relative)") {
        try FileManager.default.copyItem(atPath: "\(source)/\(relative)", toPath: "\(destination)/\(relative)")
      }
    }
  }
}
