import SystemPackage
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// The POSIX funnel: the system's words for the error, and the exit status each earns.
@Suite struct AudiobookErrorErrnoTests {
  @Test func theMessageIsTheActionThenTheSystemsWords() {
    let error = AudiobookError(.missingInput, "cannot read the file", errno: EACCES, file: "book.txt")
    #expect(error == AudiobookError(.missingInput, "cannot read the file: Permission denied", file: "book.txt"))
    #expect(Errno.permissionDenied.description == String(cString: strerror(EACCES)))
  }

  @Test func aFullDiskSaysSoAndIsAnIOError() {
    for code in [ENOSPC, EDQUOT] {
      let error = AudiobookError.output(errno: code, "cannot write the file", file: "out.wav")
      #expect(error.exitStatus == 74)
      #expect(error.message == "cannot write the file: the disk is full (\(String(cString: strerror(code))))")
    }
  }

  @Test func anOutputThatCannotBeCreatedIsExit73() {
    for code in [EACCES, EPERM, EROFS, ENOTDIR, EISDIR, ENAMETOOLONG, ENOENT, EEXIST] {
      let error = AudiobookError.output(errno: code, "cannot write the file", file: "out.wav")
      #expect(error.kind == .cannotCreate, "errno \(code)")
      #expect(error.message == "cannot write the file: \(String(cString: strerror(code)))")
    }
  }

  @Test func anyOtherFailureIsAnIOError() {
    let error = AudiobookError.output(Errno.ioError, "cannot write the file", file: "out.wav")
    #expect(error == AudiobookError(.io, "cannot write the file: Input/output error", file: "out.wav"))
  }
}
