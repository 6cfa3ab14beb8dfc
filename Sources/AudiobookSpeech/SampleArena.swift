import AudiobookCore
#if canImport(Glibc)
  import Glibc
#endif

/// Room for the samples a synthesis child collects, mapped shared by the worker before it forks.
///
/// A child's fresh private memory costs a page fault and a page of zeros per 4 KiB of audio,
/// over a gigabyte for a novel. Shared pages outlive the child that first touched them, so the
/// children after it find them ready: what one child wrote, the next simply overwrites. Each
/// child starts at offset 0 with its own copy of `count`, so children never see each other's
/// position; the worker runs one child at a time, so they never write at once.
final class SampleArena: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Int16>
  let capacity: Int
  /// Samples in use, from the start.
  private(set) var count = 0
  /// Samples from the start whose pages this process has mapped.
  private var mapped = 0
  /// Pages are mapped this many samples (1 MiB) at a time.
  private static let mapStep = 1 << 19

  /// Maps room for `capacity` samples; nil when the system refuses.
  init?(capacity: Int) {
    let (bytes, overflow) = capacity.multipliedReportingOverflow(by: 2)
    guard capacity > 0, !overflow else { return nil }
    let region = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0)
    guard let region, region != MAP_FAILED else { return nil }
    base = region.bindMemory(to: Int16.self, capacity: capacity)
    self.capacity = capacity
  }

  /// Appends `samples` when they fit; false (and nothing appended) when they do not.
  package func append(_ samples: UnsafeBufferPointer<Int16>) -> Bool {
    guard let start = samples.baseAddress, samples.count <= capacity - count else { return false }
    if count + samples.count > mapped { mapAhead(to: count + samples.count) }
    (base + count).update(from: start, count: samples.count)
    count += samples.count
    return true
  }

  /// Maps the pages up to `end` (and a step beyond) in one call, rather than one page fault per
  /// 4 KiB: a fresh fork inherits the shared pages but not their page-table entries. Linux 5.14
  /// and later; on older kernels the call fails and the pages fault in one by one as before.
  private func mapAhead(to end: Int) {
    let target = min(capacity, (end / Self.mapStep + 1) * Self.mapStep)
    _ = madvise(base + mapped, (target - mapped) * 2, MADV_POPULATE_WRITE)
    mapped = target
  }

  /// The samples in `range`, valid until `count` falls below its end.
  package func samples(_ range: Range<Int>) -> UnsafeBufferPointer<Int16> {
    UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
  }

  /// Gives back everything from `offset` on.
  func truncate(to offset: Int) { count = min(count, max(0, offset)) }

  deinit { munmap(base, capacity * 2) }
}
