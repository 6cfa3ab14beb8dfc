import AudiobookKit

extension FuzzTarget {
  /// An audio file as `check` reads one (WAV, FLAC, Ogg, MP3 through libsndfile): its
  /// header, then for a mono file the levels, noise floor, head and tail, and the spec's verdict.
  static let audio = FuzzTarget(name: "audio") { input in
    let path = ScratchFolder.write(input, to: "chapter.wav")
    guard let header = try? SoundFileReader(path: path), header.channels == 1,
      let measured = try? AudioMeasurement.measure(path)
    else { return }
    _ = AudiobookSpec.problems(measured)
  }
}
