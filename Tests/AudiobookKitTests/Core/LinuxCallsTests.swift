import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// The constants taken from C headers Glibc's Swift module leaves out, checked against the
/// numbers the headers define (in the manner of swift-system's `ErrnoTest.testConstants`),
/// and against the kernel, which acts on them.
@Suite struct LinuxCallsTests {
  @Test func constantsAreTheHeadersValues() {
    // <bits/fcntl-linux.h> (under _GNU_SOURCE), from <linux/fcntl.h>: F_LINUX_SPECIFIC_BASE
    // (1024) + 7 and + 8.
    #expect(LinuxCalls.setPipeSizeCommand == 1031)
    #expect(LinuxCalls.getPipeSizeCommand == 1032)
    // <bits/mman-linux.h>, from <asm-generic/mman-common.h>; the Swift module has this one.
    #expect(MADV_POPULATE_WRITE == 23)
  }

  @Test func aPipeTakesTheCapacityAskedFor() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    defer { ends.forEach { close($0) } }
    let before = LinuxCalls.pipeSize(ends[0])
    #expect(before > 0)
    let wanted: Int32 = 256 << 10
    let given = LinuxCalls.setPipeSize(ends[0], wanted)
    #expect(given >= wanted)
    #expect(LinuxCalls.pipeSize(ends[1]) == given)
    #expect(given != before)
  }

  @Test func populatingWritablePagesIsAnAdviceTheKernelTakes() throws {
    let length = 1 << 20
    let region = try #require(mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0))
    try #require(region != MAP_FAILED)
    defer { munmap(region, length) }
    // Linux 5.14 and later take it; older kernels refuse the number (EINVAL), never another advice.
    let result = madvise(region, length, MADV_POPULATE_WRITE)
    #expect(result == 0 || errno == EINVAL)
  }
}
