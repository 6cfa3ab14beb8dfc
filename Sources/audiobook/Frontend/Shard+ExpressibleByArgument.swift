import ArgumentParser
import AudiobookKit

/// `--shard K/N`, K from 1 to N, N at most `Shard.maximumCount`.
extension Shard: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}
