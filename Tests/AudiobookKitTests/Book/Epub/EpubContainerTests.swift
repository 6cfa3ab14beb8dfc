import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubContainerTests {
  /// Writes an EPUB whose `META-INF` holds `container` (none when nil) and `encryption`, and
  /// reads its container; `path` names the EPUB written.
  func container(_ container: String?, encryption: String? = nil) throws -> (
    result: Result<EpubContainer, AudiobookError>, path: String
  ) {
    var epub = EpubSamples.epub3
    if let container {
      epub.replacing["META-INF/container.xml"] = Data(container.utf8)
    } else {
      epub.omitting.insert("META-INF/container.xml")
    }
    if let encryption { epub.replacing["META-INF/encryption.xml"] = Data(encryption.utf8) }
    return try TestSupport.withScratchFolder { folder in
      let path = try epub.write(to: folder.appendingPathComponent("book.epub").path)
      let archive = try EpubArchive(path: path)
      return (Result { () throws(AudiobookError) in try EpubContainer(archive) }, path)
    }
  }

  func rootFiles(_ elements: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
      <rootfiles>
        \(elements)
      </rootfiles>
    </container>
    """
  }

  /// Of several root files, the package document's media type wins; its path is resolved
  /// from the EPUB's root (`./`, doubled slashes, percent-encoding).
  @Test func thePackageDocumentIsTheRootFileOfThePackageMediaType() throws {
    let preferred = try container(
      rootFiles(
        """
        <rootfile full-path="OEBPS/book.pdf" media-type="application/pdf"/>
        <rootfile full-path="./My%20Book//content.opf" media-type="application/oebps-package+xml"/>
        """)
    ).result.get()
    #expect(preferred.packagePath == "My Book/content.opf")
    #expect(preferred.encryptedPaths.isEmpty)
    let first = try container(
      rootFiles("<rootfile full-path=\"OEBPS/content.opf\"/><rootfile full-path=\"other.opf\"/>"))
    #expect(try first.result.get().packagePath == "OEBPS/content.opf")
  }

  @Test func withoutAContainerItIsNoEPUB() throws {
    let (result, path) = try container(nil)
    let error = #expect(throws: AudiobookError.self) { try result.get() }
    #expect(error?.kind == .badInput)
    #expect(error?.message == "has no META-INF/container.xml, so it is not an EPUB (or a damaged one)")
    #expect(error?.file == path)
  }

  @Test func aContainerNamingNoPackageDocumentIsBadInputWithItsLine() throws {
    for elements in ["", "<rootfile media-type=\"application/oebps-package+xml\"/>", "<rootfile full-path=\"\"/>"] {
      let (result, path) = try container(rootFiles(elements))
      let error = #expect(throws: AudiobookError.self, "\(elements)") { try result.get() }
      #expect(error?.kind == .badInput)
      #expect(error?.message == "names no package document (a <rootfile full-path=\"...\"> element)")
      #expect(error?.file == "\(path)!META-INF/container.xml")
      #expect(error?.line == 2)
    }
  }

  /// Encrypted files are DRM, except fonts obfuscated with either of the two algorithms
  /// readers use; an entry without a cipher reference names no file.
  @Test func encryptedPathsLeaveOutObfuscatedFonts() throws {
    let encryption = """
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/Chapter%201.xhtml"/></enc:CipherData>
        </enc:EncryptedData>
        <enc:EncryptedData>
          <enc:CipherData><enc:CipherReference URI="/OEBPS/ch2.xhtml"/></enc:CipherData>
        </enc:EncryptedData>
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/serif.otf"/></enc:CipherData>
        </enc:EncryptedData>
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://ns.adobe.com/pdf/enc#RC"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/sans.otf"/></enc:CipherData>
        </enc:EncryptedData>
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>
        </enc:EncryptedData>
      </encryption>
      """
    let read = try container(EpubSamples.epub3.container, encryption: encryption).result.get()
    #expect(read.packagePath == "OEBPS/content.opf")
    #expect(read.encryptedPaths == ["OEBPS/Chapter 1.xhtml", "OEBPS/ch2.xhtml"])
  }
}
