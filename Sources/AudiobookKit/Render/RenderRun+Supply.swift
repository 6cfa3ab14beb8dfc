import AudiobookCore
import AudiobookSpeech

extension RenderRun {
  /// Step 3: starts the workers on the batches missing from the cache (each clip stored in
  /// the cache as it arrives) and returns where the assembler gets every clip from.
  func supply(_ work: RenderWork) throws(AudiobookError) -> ClipSource {
    let keys = Dictionary(plan.chapters.flatMap(\.batches).map { ($0.order, $0.key) }) { first, _ in first }
    let pool: SynthesisPool?
    do {
      pool =
        work.jobs.isEmpty
        ? nil
        : try SynthesisPool(
          requests: work.jobs, settings: renderer.preset.engine, workerExecutable: renderer.workerExecutable,
          jobs: renderer.jobs
        ) { [cache] job, encoded in
          // A failed cache write only costs a later re-synthesis.
          if let key = keys[job.order] { try? cache.write(encoded: encoded, for: key) }
        }
    } catch {
      throw renderer.preset.failure(error)
    }
    return ClipSource(cache: cache, pool: pool, missing: work.missing, renderer: renderer)
  }
}

/// What one chapter's clips cost: how many came from the cache and how many were
/// synthesized, and the seconds workers spent on them.
struct ClipTally {
  var hits = 0
  var misses = 0
  var synthesisSeconds = 0.0
}

/// Where the assembler's clips come from: the cache for hits, the pool for misses, and a
/// synthesizer of its own for cache entries that fail their check. Chapters assembled at
/// once ask for their clips from several threads.
final class ClipSource: @unchecked Sendable {
  let cache: ClipCache
  let pool: SynthesisPool?
  let missing: Set<Int>
  /// For clips planned as cache hits whose entry turns out damaged or gone.
  private let fallback: CachedSynthesis

  init(cache: ClipCache, pool: SynthesisPool?, missing: Set<Int>, renderer: Renderer) {
    self.cache = cache
    self.pool = pool
    self.missing = missing
    fallback = CachedSynthesis(preset: renderer.preset, workerExecutable: renderer.workerExecutable, cache: cache)
  }

  /// Stops the workers.
  func close() {
    pool?.close()
    fallback.close()
  }

  func allCached(_ part: RenderPlan.Part) -> Bool { part.batches.allSatisfy { !missing.contains($0.order) } }

  /// The clip of `batch`, counted in `tally`; `onDamaged` hears of a cache entry that failed
  /// its check (it is synthesized again).
  func clip(for batch: RenderPlan.Batch, tally: inout ClipTally, onDamaged: (String) -> Void) throws(SpeechError)
    -> Clip
  {
    if missing.contains(batch.order), let pool {
      tally.misses += 1
      let (clip, seconds) = try pool.clip(order: batch.order)
      tally.synthesisSeconds += seconds
      return clip
    }
    let (clip, seconds) = try fallback.clip(for: batch.pieces, voice: batch.voice, key: batch.key, onDamaged: onDamaged)
    if let seconds {
      tally.misses += 1
      tally.synthesisSeconds += seconds
    } else {
      tally.hits += 1
    }
    return clip
  }
}
