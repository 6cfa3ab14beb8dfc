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
  private var totalParagraphs = 0
  private var paragraphsDone = 0
  private var audioFrames = 0
  private var lastDraw = Date.distantPast
  private var lineShown = false

  init(mode: Mode) {
    self.mode = mode == .auto ? (Terminal.isTerminal(2) ? .auto : .plain) : mode
  }

  func handle(_ event: RenderEvent) {
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
    case .started(_, let paragraphs, _, _): totalParagraphs = paragraphs
    case .paragraph(_, let paragraph, _, let frames):
      if paragraph > 0 { paragraphsDone += 1 }
      audioFrames += frames
    case .chapter(_, _, let frames, let written):
      if !written {
        audioFrames += frames
      }
    case .damagedCacheEntry(let key, let reason):
      clearLine()
      write("warning: cache entry \(key) is damaged (\(reason)); synthesizing it again\n")
    case .finished:
      clearLine()
      return
    }
    guard Date().timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = Date()
    let elapsed = Date().timeIntervalSince(started)
    let audio = Double(audioFrames) / sampleRate
    let speed = audio / max(elapsed, 0.001)
    let remaining = totalParagraphs - paragraphsDone
    let eta = paragraphsDone > 0 ? elapsed / Double(paragraphsDone) * Double(remaining) : 0
    let line =
      "paragraphs \(paragraphsDone)/\(totalParagraphs)  \(String(format: "%.2f", audio / 3600)) h of audio  "
      + "\(Int(speed))× real time  ETA \(Renderer.formatDuration(seconds: eta))"
    write("\r\u{1B}[K" + line)
    lineShown = true
  }

  private func clearLine() {
    if lineShown { write("\r\u{1B}[K") }
    lineShown = false
  }

  private func emitJSON(_ event: RenderEvent) {
    var object: [String: Any]
    switch event {
    case .started(let chapters, let paragraphs, let toSynthesize, let unchanged):
      object = [
        "event": "started", "chapters": chapters, "paragraphs": paragraphs, "paragraphsToSynthesize": toSynthesize,
        "chaptersUnchanged": unchanged,
      ]
    case .paragraph(let chapter, let paragraph, let cached, let frames):
      object = ["event": "paragraph", "chapter": chapter, "paragraph": paragraph, "cached": cached, "frames": frames]
    case .chapter(let number, let file, let frames, let written):
      object = ["event": "chapter", "chapter": number, "file": file, "frames": frames, "written": written]
    case .damagedCacheEntry(let key, let reason):
      object = ["event": "damagedCacheEntry", "key": key, "reason": reason]
    case .finished(let summary):
      object = [
        "event": "finished", "chapters": summary.chapters, "chaptersWritten": summary.chaptersWritten,
        "paragraphs": summary.paragraphs, "paragraphsSynthesized": summary.paragraphsSynthesized,
        "cacheHits": summary.cacheHits, "cacheMisses": summary.cacheMisses,
        "audioSeconds": (summary.audioSeconds * 1000).rounded() / 1000,
        "wallSeconds": (Date().timeIntervalSince(started) * 1000).rounded() / 1000,
      ]
    }
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
    write(String(decoding: data, as: UTF8.self) + "\n")
  }

  private func duration(_ frames: Int) -> String { Renderer.formatDuration(seconds: Double(frames) / sampleRate) }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
