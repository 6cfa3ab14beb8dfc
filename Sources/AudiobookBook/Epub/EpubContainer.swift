import AudiobookCore

/// What an EPUB's `META-INF` folder says: where the package document (OPF) is, and which
/// files are encrypted.
struct EpubContainer {
  /// The package document's path inside the EPUB, e.g. `OEBPS/content.opf`.
  var packagePath: String
  /// Files that `META-INF/encryption.xml` encrypts, font obfuscation left out (that only
  /// scrambles embedded fonts and is no obstacle to reading).
  var encryptedPaths: Set<String>

  /// The algorithms EPUB readers use to obfuscate fonts, which are not DRM.
  static let fontObfuscation: Set<String> = ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]

  /// Reads `META-INF/container.xml` and `META-INF/encryption.xml` from `archive`.
  ///
  /// - Throws: `.badInput` when there is no `container.xml`, it is malformed or names no
  ///   package document.
  init(_ archive: EpubArchive) throws(AudiobookError) {
    let containerPath = "META-INF/container.xml"
    guard let container = try archive.xml(at: containerPath) else {
      throw AudiobookError(
        .badInput, "has no \(containerPath), so it is not an EPUB (or a damaged one)", file: archive.file)
    }
    let rootFiles = container.root.descendants.filter { $0.name == "rootfile" }
    let preferred =
      rootFiles.first { $0.attributes["media-type"] == "application/oebps-package+xml" } ?? rootFiles.first
    guard let path = preferred?.attributes["full-path"], !path.isEmpty else {
      throw AudiobookError(
        .badInput, "names no package document (a <rootfile full-path=\"...\"> element)",
        file: archive.location(of: containerPath), line: container.root.line)
    }
    packagePath = EpubArchive.resolve(path, from: "").path

    encryptedPaths = []
    if let encryption = try archive.xml(at: "META-INF/encryption.xml") {
      for data in encryption.root.descendants where data.name == "EncryptedData" {
        let algorithm = data.descendants.first { $0.name == "EncryptionMethod" }?.attributes["Algorithm"] ?? ""
        guard !Self.fontObfuscation.contains(algorithm),
          let uri = data.descendants.first(where: { $0.name == "CipherReference" })?.attributes["URI"]
        else { continue }
        encryptedPaths.insert(EpubArchive.resolve(uri, from: "").path)
      }
    }
  }
}
