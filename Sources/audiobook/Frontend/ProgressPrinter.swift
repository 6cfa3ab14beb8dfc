import AudiobookKit
import Foundation

/// Shows a render's progress on stderr: a live line on a terminal, a plain line per chapter
/// otherwise, or one JSON object per event for machines.
final class ProgressPrinter {
  enum Mode: String, CaseIterable {
    case auto, plain, json, none
  }

  private let mode: Mode
  private let sampleRate: Double = 22_050
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var lineShown = false
  private var progress = RenderProgress()

  init(mode: Mode) {
    self.mode = mode == .auto ? (Terminal.isTerminal(2) ? .auto : .plain) : mode
  }

  func handle(_ event: RenderEvent) {
    progress.add(event)
    switch mode {
    case .none: return
    case .json: emitJSON(event)
    case .plain: printPlain(event)
    case .auto: drawLive(event)
    }
  }

  private func printPlain(_ event: RenderEvent) {
    switch event {
    case .chapter(let number, let file, let frames, let written):
      write("chapter \(number): \(file) \(duration(frames))\(written ? "" : " (unchanged)")\n")
    case .damagedCacheEntry(let key, let reason):
      write("warning: cache entry \(key) is damaged (\(reason)); synthesizing it again\n")
    default: break
    }
  }

  private func drawLive(_ event: RenderEvent) {
    switch event {
    case .damagedCacheEntry(let key, let reason):
      clearLine()
      write("warning: cache entry \(key) is damaged (\(reason)); synthesizing it again\n")
    case .finished:
      clearLine()
      return
    default: break
    }
    guard Date().timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = Date()
    write("\r\u{1B}[K" + progress.line(elapsed: Date().timeIntervalSince(started), sampleRate: sampleRate))
    lineShown = true
  }

  /// `1,806 MB`, `0.4 MB`.
  static func megabytes(_ bytes: Int) -> String {
    let value = Double(bytes) / 1_000_000
    return value < 10 ? String(format: "%.1f MB", value) : "\(Int(value.rounded()).formatted()) MB"
  }

  private func clearLine() {
    if lineShown { write("\r\u{1B}[K") }
    lineShown = false
  }

  private func emitJSON(_ event: RenderEvent) {
    var object: [String: Any]
    switch event {
    case .started(let chapters, let paragraphs, let toSynthesize, let unchanged, let characters, let toSpeak):
      object = [
        "event": "started", "chapters": chapters, "paragraphs": paragraphs, "paragraphsToSynthesize": toSynthesize,
        "chaptersUnchanged": unchanged, "characters": characters, "charactersToSynthesize": toSpeak,
      ]
    case .paragraph(let chapter, let paragraph, let cached, let frames, let characters):
      object = [
        "event": "paragraph", "chapter": chapter, "paragraph": paragraph, "cached": cached, "frames": frames,
        "characters": characters,
      ]
    case .chapter(let number, let file, let frames, let written):
      object = ["event": "chapter", "chapter": number, "file": file, "frames": frames, "written": written]
    case .damagedCacheEntry(let key, let reason):
      object = ["event": "damagedCacheEntry", "key": key, "reason": reason]
    case .finished(let summary):
      object = [
        "event": "finished", "chapters": summary.chapters, "chaptersWritten": summary.chaptersWritten,
        "paragraphs": summary.paragraphs, "paragraphsSynthesized": summary.paragraphsSynthesized,
        "cacheHits": summary.cacheHits, "cacheMisses": summary.cacheMisses,
        "audioSeconds": (summary.audioSeconds * 1000).rounded() / 1000, "bytesWritten": summary.bytesWritten,
        "wallSeconds": (Date().timeIntervalSince(started) * 1000).rounded() / 1000,
      ]
    }
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
    write(String(decoding: data, as: UTF8.self) + "\n")
  }

  private func duration(_ frames: Int) -> String { Renderer.formatDuration(seconds: Double(frames) / sampleRate) }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
