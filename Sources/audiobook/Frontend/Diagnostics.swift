import ArgumentParser
import AudiobookKit
import Foundation

/// Prints problems compiler-style on stderr and turns them into the documented exit status.
enum Diagnostics {
  /// Runs `body`; an `AudiobookError` becomes one line on stderr and its exit status.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as AudiobookError {
      // Interrupted: the signal handler is removing the temporary files (which may be what
      // failed here) and exits with 128 + the signal; it alone has something to say.
      if AtomicOutput.wasInterrupted { AtomicOutput.waitForTheInterruptToExit() }
      printError(error)
      throw ExitCode(error.exitStatus)
    }
  }

  /// `file:line: error: message`, as compilers print it; the label in red on a terminal.
  static func printError(_ error: AudiobookError) {
    var location = ""
    if let file = error.file { location = error.line.map { "\(file):\($0): " } ?? "\(file): " }
    for detail in error.details { FileHandle.standardError.write(Data("\(detail)\n".utf8)) }
    FileHandle.standardError.write(Data("\(location)\(errorLabel) \(error.message)\(hint(for: error))\n".utf8))
  }

  /// `error:`, in red on a terminal.
  static var errorLabel: String { Terminal.isTerminal(2) ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:" }

  static func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
  }

  /// What to do next, for the failures where the library's fragment does not say.
  private static func hint(for error: AudiobookError) -> String {
    switch error.kind {
    case .missingInput: "; check the path and that the file is readable"
    case .cannotCreate: "; choose another location or fix its permissions"
    default: ""
    }
  }
}
