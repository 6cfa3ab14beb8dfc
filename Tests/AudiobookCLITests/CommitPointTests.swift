import AudiobookKit
import Foundation
import Testing

/// A render replaces the previous one in one step: SIGKILL or a full disk at any instant
/// leaves the old render or the new one, whole (`verify` passes), never a mix, and nothing the
/// next render does not clean; that render then ends byte-identical to an uninterrupted one.
@Suite struct CommitPointTests {
  static let slug = "the-lighthouse-ledger"
  /// The old render's voice and the new one's: every chapter file differs between the two.
  static let old = ["--voice", "narrator", "--subtitles", "vtt,srt"]
  static let new = ["--voice", "narrator-us", "--subtitles", "vtt,srt,words"]

  static func render(_ flags: [String], into output: String, cache: String, in scratch: ScratchDirectory) throws
    -> RunResult
  {
    try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", output, "--cache", cache, "-q"] + flags, in: scratch.url)
  }

  /// Runs the new render into `output`, watching the changes it makes to files under `output`
  /// (made, finished, renamed, removed: `FolderWatch.changes`), and kills it (SIGKILL) once it
  /// has made `changes` of them; with nil, or when it makes fewer, it runs to its end.
  ///
  /// - Returns: how many changes were seen, and how the render ended.
  static func renderNew(
    into output: String, cache: String, killingAfter changes: Int?, in scratch: ScratchDirectory
  ) throws -> (changes: Int, result: RunResult) {
    let watch = try FolderWatch(output)
    let running = try Audiobook.start(
      ["render", Fixtures.exampleBook, "-o", output, "--cache", cache, "-q"] + new, in: scratch.url)
    var seen = 0
    while seen < changes ?? .max {
      let next = watch.next(until: Date().addingTimeInterval(120), while: running)
      if next.isEmpty { break }
      seen += next.count
    }
    if changes != nil && running.isRunning { kill(running.pid, SIGKILL) }
    return (seen, running.wait(timeout: 60))
  }

  /// File names and bytes of a book folder.
  static func snapshot(_ folder: String) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return Dictionary(
      uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: "\(folder)/\($0)") ?? Data()) })
  }

  /// The old and the new render, uninterrupted, with their clips left in `cache`.
  static func references(cache: String, in scratch: ScratchDirectory) throws -> ([String: Data], [String: Data]) {
    for (flags, name) in [(old, "old"), (new, "new")] {
      let result = try render(flags, into: scratch.appending(name), cache: cache, in: scratch)
      try #require(result.status == 0, "\(result.stderrText)")
    }
    return (snapshot(scratch.appending("old/\(slug)")), snapshot(scratch.appending("new/\(slug)")))
  }

  @Test func sigkillAtAnyInstantLeavesTheOldRenderOrTheNewOneWhole() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cache = scratch.appending("cache")
    // Every clip of both voices is in the cache: the killed renders assemble only, so most of
    // their time is the last steps.
    let (oldRender, newRender) = try Self.references(cache: cache, in: scratch)
    try #require(Set(oldRender.keys) != Set(newRender.keys) || oldRender != newRender)

    // How many changes to its files the re-render makes, so the kills spread over all of them
    // and a little past.
    let output = scratch.appending("out")
    let folder = "\(output)/\(Self.slug)"
    _ = try Self.render(Self.old, into: output, cache: cache, in: scratch)
    let (changes, reference) = try Self.renderNew(into: output, cache: cache, killingAfter: nil, in: scratch)
    try #require(reference.status == 0 && changes > 0, "\(changes) changes: \(reference.stderrText)")

    let instants = 24
    var sawOld = 0
    var sawNew = 0
    for step in 0..<instants {
      let reset = try Self.render(Self.old, into: output, cache: cache, in: scratch)
      try #require(reset.status == 0, "\(reset.stderrText)")
      // The instant of the kill, right after the render's k-th change to its files, is the
      // fault being injected.
      _ = try Self.renderNew(
        into: output, cache: cache, killingAfter: changes * 6 * step / (5 * instants), in: scratch)

      let verify = try Audiobook.run(["verify", folder], in: scratch.url)
      #expect(verify.status == 0, "after a kill at step \(step): \(verify.stderrText)")
      let left = Self.snapshot(folder)
      #expect(left == oldRender || left == newRender, "after a kill at step \(step): a mix of two renders")
      if left == oldRender { sawOld += 1 }
      if left == newRender { sawNew += 1 }

      let finish = try Self.render(Self.new, into: output, cache: cache, in: scratch)
      #expect(finish.status == 0, "\(finish.stderrText)")
      #expect(Self.snapshot(folder) == newRender, "the render after a kill at step \(step) differs")
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: output).filter { !RenderedFolder.isLock($0) } == [
          Self.slug
        ],
        "left beside the book after a kill at step \(step)")
    }
    // The kills fell both before and after the commit.
    #expect(sawOld > 0 && sawNew > 0, "old \(sawOld) times, new \(sawNew) times, of \(changes) changes")
  }

  /// A disk that fills while the new render is written, at several points of it (chapter files,
  /// subtitles, cue sheet, manifest): exit 74 saying the disk is full, the old render whole;
  /// once there is room, the render ends as an uninterrupted one.
  @Test(.enabled(if: MountNamespace.isAvailable))
  func aFullDiskLeavesTheOldRenderWholeAndSaysSo() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cache = scratch.appending("cache")
    let (oldRender, newRender) = try Self.references(cache: cache, in: scratch)
    // tmpfs counts whole pages: the old render fits; the new one, built beside it, runs out at a
    // different point each time: in each chapter file, then page by page through the subtitles,
    // the cue sheet and the manifest.
    func pages(_ files: [Data]) -> Int { files.reduce(0) { $0 + ($1.count + 4095) / 4096 * 4096 } }
    let audio = newRender.filter { $0.key.hasSuffix(".wav") }.map(\.value)
    let text = newRender.filter { !$0.key.hasSuffix(".wav") }.map(\.value)
    let room = pages(Array(oldRender.values)) + 4096
    let sizes =
      (0..<3).map { room + pages(audio) * $0 / 3 + 8192 }
      + stride(from: 0, to: pages(text), by: 4096).map { room + pages(audio) + $0 }
    let script = """
      set -u
      bin="$1" book="$2" cache="$3" mnt="$4" size="$5" copy="$6"
      shift 6
      mkdir -p "$mnt"
      mount -t tmpfs -o size="$size" tmpfs "$mnt" || exit 90
      "$bin" render "$book" -o "$mnt" --cache "$cache" -q --voice narrator --subtitles vtt,srt || exit 91
      "$bin" render "$book" -o "$mnt" --cache "$cache" -q --voice narrator-us --subtitles vtt,srt,words
      echo "status $?"
      "$bin" verify "$mnt/\(Self.slug)" >/dev/null && echo verified
      cp -r "$mnt/\(Self.slug)" "$copy-full"
      ls -A "$mnt" | grep -v '^\\..*\\.lock$' | sed 's/^/entry /'
      mount -o remount,size=256m "$mnt" || exit 92
      "$bin" render "$book" -o "$mnt" --cache "$cache" -q --voice narrator-us --subtitles vtt,srt,words || exit 93
      cp -r "$mnt/\(Self.slug)" "$copy-after"
      """
    var fullDisks = 0
    for (index, size) in sizes.enumerated() {
      let copy = scratch.appending("copy-\(index)")
      let result = try MountNamespace.run(
        script,
        arguments: [Audiobook.executable, Fixtures.exampleBook, cache, scratch.appending("mnt"), "\(size)", copy],
        in: scratch.url)
      #expect(result.status == 0, "size \(size): \(result.stdoutText) \(result.stderrText)")
      #expect(result.stdoutLines.contains("verified"), "size \(size)")
      #expect(
        result.stdoutLines.filter { $0.hasPrefix("entry ") } == ["entry \(Self.slug)"],
        "size \(size): \(result.stdoutText)")
      if result.stdoutLines.contains("status 74") {
        // The last pages may have been enough after all: then the new render is whole.
        fullDisks += 1
        #expect(result.stderrLines.count == 1, "size \(size): \(result.stderrText)")
        #expect(result.stderrText.contains("the disk is full"), "size \(size): \(result.stderrText)")
        #expect(Self.snapshot("\(copy)-full") == oldRender, "size \(size): the old render is not whole")
      } else {
        #expect(index >= 3 && result.stdoutLines.contains("status 0"), "size \(size): \(result.stdoutText)")
        #expect(Self.snapshot("\(copy)-full") == newRender, "size \(size): the new render is not whole")
      }
      #expect(Self.snapshot("\(copy)-after") == newRender, "size \(size): the render once there was room differs")
    }
    // Every chapter-file point, and at least one among the small files, ran out of room.
    #expect(fullDisks > 3, "the disk was full \(fullDisks) times of \(sizes.count)")
  }
}
