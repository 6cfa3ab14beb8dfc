import ArgumentParser
import AudiobookKit

/// `say --paragraph C:P`; `--line N` and `--chapter C` are plain numbers.
extension BookAddress: ExpressibleByArgument {
  public init?(argument: String) { self.init(paragraph: argument) }
}
