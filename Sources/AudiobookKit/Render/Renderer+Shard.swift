import AudiobookCore
import AudiobookSpeech

extension Renderer {
  /// What a shard render did.
  public struct ShardResult: Sendable, Equatable {
    /// Distinct clips assigned to this shard.
    public var assigned: Int
    /// Of those, synthesized now (the rest were in the cache already).
    public var synthesized: Int
    /// Characters of speech text in the shard's clips.
    public var characters: Int
  }

  /// Synthesizes this shard's share of `book` into the cache and assembles nothing.
  ///
  /// After every shard has run and their cache folders are merged, a plain `render` with that
  /// cache assembles the book byte-identical to a one-machine render, synthesizing nothing.
  public func synthesizeShard(_ book: Book, shard: Shard, cacheDirectory: String) throws(AudiobookError) -> ShardResult
  {
    let engine = try EspeakVoices.usableEngine()
    let plan = try RenderPlan(book: book, preset: preset, cast: cast, engine: engine)
    let batches = plan.chapters.flatMap(\.batches)
    let assignment = Shard.assignment(of: batches, count: shard.count)
    var mine: [RenderPlan.Batch] = []
    var seen = Set<ClipKey>()
    for batch in batches where assignment[batch.key] == shard.index && seen.insert(batch.key).inserted {
      mine.append(batch)
    }
    let cache = try ClipCache(directory: cacheDirectory)
    let missing = mine.filter { !cache.contains($0.key) }
    let keys = Dictionary(missing.map { ($0.order, $0.key) }) { first, _ in first }
    if !missing.isEmpty {
      let pool: SynthesisPool
      do {
        pool = try SynthesisPool(
          requests: missing.map { SynthesisPool.Job(order: $0.order, pieces: $0.pieces, voice: $0.voice) },
          settings: preset.engine,
          workerExecutable: workerExecutable, jobs: jobs
        ) { job, encoded in
          if let key = keys[job.order] { try? cache.write(encoded: encoded, for: key) }
        }
      } catch {
        throw preset.failure(error)
      }
      defer { pool.close() }
      for batch in missing {
        do {
          _ = try pool.clip(order: batch.order)
        } catch {
          throw AudiobookError(
            .failure, "synthesizing '\(batch.pieces.first?.prefix(60) ?? "")': \(error)", file: book.sourceFile)
        }
      }
    }
    if let lost = missing.first(where: { !cache.contains($0.key) }) {
      throw AudiobookError(.cannotCreate, "clip \(lost.key) could not be stored in the cache", file: cacheDirectory)
    }
    return ShardResult(
      assigned: mine.count, synthesized: missing.count,
      characters: mine.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.utf8.count } })
  }
}
