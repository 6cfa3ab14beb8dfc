import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookPublish

@Suite struct FileDigestTests {
  @Test func digestsAreWhatSha256sumPrints() throws {
    try TestSupport.withScratchFolder { folder in
      let empty = try TestSupport.write("", to: "empty", in: folder)
      let abc = try TestSupport.write("abc", to: "abc.txt", in: folder)
      #expect(try FileDigest.sha256(of: empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
      #expect(try FileDigest.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
  }

  /// A file longer than the 1 MiB read block is digested whole.
  @Test func aFileOfSeveralBlocksIsDigestedWhole() throws {
    try TestSupport.withScratchFolder { folder in
      // 1.1 MB of i % 251, as Python's hashlib digests it.
      let bytes = (0..<1_100_000).map { UInt8($0 % 251) }
      let url = folder.appendingPathComponent("big.bin")
      try Data(bytes).write(to: url)
      #expect(try FileDigest.sha256(of: url.path) == "94186eaa25e1dd82949de5ebc5bb883ddd45fe7b146fe300f028e12c07658315")
    }
  }

  @Test func aFileThatCannotBeOpenedIsMissingInput() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("none.wav").path
      let error = #expect(throws: AudiobookError.self) { try FileDigest.sha256(of: path) }
      #expect(error?.kind == .missingInput)
      #expect(error?.file == path)
      #expect(error?.message == "cannot read the file: No such file or directory")
    }
  }
}
