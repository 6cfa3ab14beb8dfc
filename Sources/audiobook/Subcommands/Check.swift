import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure every audio file in a folder against a distributor specification.",
      discussion: """
        --spec audiobook: 44.1 kHz mono, 16-bit (WAV, FLAC) or 192 kbps CBR MP3; RMS -23 to -18 dBFS; \
        peaks at or below -3 dBFS (true peak); noise floor (the quietest half second) at or below -60 \
        dBFS and not digital silence; 0.5-1 s of room tone at the head and 1-5 s at the tail; at most \
        120 minutes per file. Prints a table; exit 0 when every file passes, else 1. A whole-book \
        file the manifest names is listed but not checked (distributors take one file per chapter).
        """)

    enum Spec: String, ExpressibleByArgument, CaseIterable {
      case audiobook
    }

    @Argument(
      help: ArgumentHelp("A folder of audio files, e.g. Output/the-lighthouse-ledger.", valueName: "dir"),
      completion: .directory)
    var folder: String

    @Option(help: "The specification to check against.")
    var spec: Spec = .audiobook

    static let audioExtensions: Set<String> = ["wav", "flac", "ogg", "opus", "mp3", "m4b"]

    /// The table row of one chapter file, and whether it meets the spec.
    private static func row(for name: String, path: String) -> (row: [String], passed: Bool) {
      func failure(_ reason: String, duration: String = "") -> (row: [String], passed: Bool) {
        ([name, duration, "", "", "", "", "", "FAIL: \(reason)"], false)
      }
      // Only plain files are opened: a FIFO or a device would block or do harm, and a
      // symbolic link may lead out of the folder.
      let kind = FileKind(path: path, followingLinks: false)
      guard kind == .regular else { return failure("\(kind.described), not an audio file") }
      let measured: AudioMeasurement
      do {
        let file = try RegularFile(opening: path)
        defer { file.close() }
        let header = try SoundFileReader(path: file.path)
        guard header.channels == 1 else {
          let seconds = Double(header.frames) / Double(max(header.sampleRate, 1))
          return failure("\(header.channels) channels, not mono", duration: duration(seconds))
        }
        measured = try AudioMeasurement.measure(file)
      } catch {
        return failure("not readable audio")
      }
      let problems = AudiobookSpec.problems(measured)
      return (
        [
          name, duration(measured.seconds), decibels(measured.levels.rms),
          decibels(max(measured.levels.peak, measured.levels.truePeak)), decibels(measured.noiseFloor),
          String(format: "%.2f s", measured.head), String(format: "%.2f s", measured.tail),
          problems.isEmpty ? "pass" : "FAIL: " + problems.joined(separator: "; "),
        ],
        problems.isEmpty
      )
    }

    func run() throws {
      try Diagnostics.run {
        switch FileKind(path: folder, followingLinks: true) {
        case .directory: break
        case .missing: throw AudiobookError(.missingInput, "no such folder", file: folder)
        case let kind: throw AudiobookError(.missingInput, "is \(kind.described), not a folder", file: folder)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
          .filter { !$0.hasPrefix(".") && Self.audioExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
          .sorted()
        guard !names.isEmpty else { throw AudiobookError(.missingInput, "no audio files to check", file: folder) }
        let bookFile = Self.bookFile(in: folder)

        var rows: [[String]] = [["file", "duration", "RMS", "peak", "noise floor", "head", "tail", "result"]]
        var failed = 0
        var checked = 0
        for name in names {
          let path = (folder as NSString).appendingPathComponent(name)
          if name == bookFile || (name as NSString).pathExtension.lowercased() == "m4b" {
            rows.append([name, "", "", "", "", "", "", "not checked: a whole-book file"])
            continue
          }
          checked += 1
          let (row, passed) = Self.row(for: name, path: path)
          rows.append(row)
          if !passed { failed += 1 }
        }
        print(Self.table(rows), terminator: "")
        if checked == 0 && failed == 0 {
          throw AudiobookError(
            .missingInput, "no chapter files to check; whole-book files are not checked", file: folder)
        }
        let verdict =
          failed == 0 ? "every file meets the \(spec.rawValue) spec" : "\(failed) of \(checked) files fail"
        print("\(folder): \(verdict)")
        if failed > 0 { throw ExitCode.failure }
      }
    }

    /// The whole-book file the folder's manifest names, if any.
    static func bookFile(in folder: String) -> String? {
      // Read only when it is a plain file (a FIFO there would block for ever), and not absurdly large.
      guard let file = try? RegularFile(opening: (folder as NSString).appendingPathComponent("manifest.json")),
        file.size <= 64 << 20, let data = FileManager.default.contents(atPath: file.path),
        let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
      else { return nil }
      return manifest.book?.file
    }

    static func decibels(_ value: Double) -> String {
      value <= AudioLevels.floor ? "-inf dB" : String(format: "%.1f dB", value)
    }

    static func duration(_ seconds: Double) -> String {
      let total = Int(seconds.rounded())
      return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
    }

    /// Columns padded to their widest cell; the last column as it is.
    static func table(_ rows: [[String]]) -> String {
      let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
      return rows.map { row in
        row.enumerated().map { column, cell in
          column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
      }.joined(separator: "\n") + "\n"
    }
  }
}
