import Foundation
import AudiobookCore

/// The named character entities of XHTML 1.1 (the HTML 4 set: Latin-1, symbols, special).
///
/// EPUB 2 content documents may use them because their DTD declares them, but an XML parser
/// that does not load that DTD knows only `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&apos;`.
package enum HTMLEntities {
  /// Code points by entity name, the five XML entities excluded.
  package static let codePoints: [String: UInt32] = {
    var table: [String: UInt32] = [:]
    for (offset, name) in latin1.split(separator: " ").enumerated() { table[String(name)] = UInt32(160 + offset) }
    for pair in others.split(whereSeparator: \.isWhitespace) {
      let parts = pair.split(separator: "=")
      if parts.count == 2, let value = UInt32(parts[1]) { table[String(parts[0])] = value }
    }
    return table
  }()

  /// U+00A0 to U+00FF in order.
  private static let latin1 = """
    nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
    acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
    Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
    Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
    ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
    oslash ugrave uacute ucirc uuml yacute thorn yuml
    """

  /// The special and symbol sets, `name=code point`.
  private static let others = """
    OElig=338 oelig=339 Scaron=352 scaron=353 Yuml=376 fnof=402 circ=710 tilde=732
    Alpha=913 Beta=914 Gamma=915 Delta=916 Epsilon=917 Zeta=918 Eta=919 Theta=920 Iota=921 Kappa=922
    Lambda=923 Mu=924 Nu=925 Xi=926 Omicron=927 Pi=928 Rho=929 Sigma=931 Tau=932 Upsilon=933 Phi=934
    Chi=935 Psi=936 Omega=937 alpha=945 beta=946 gamma=947 delta=948 epsilon=949 zeta=950 eta=951
    theta=952 iota=953 kappa=954 lambda=955 mu=956 nu=957 xi=958 omicron=959 pi=960 rho=961 sigmaf=962
    sigma=963 tau=964 upsilon=965 phi=966 chi=967 psi=968 omega=969 thetasym=977 upsih=978 piv=982
    ensp=8194 emsp=8195 thinsp=8201 zwnj=8204 zwj=8205 lrm=8206 rlm=8207 ndash=8211 mdash=8212
    lsquo=8216 rsquo=8217 sbquo=8218 ldquo=8220 rdquo=8221 bdquo=8222 dagger=8224 Dagger=8225
    bull=8226 hellip=8230 permil=8240 prime=8242 Prime=8243 lsaquo=8249 rsaquo=8250 oline=8254
    frasl=8260 euro=8364 image=8465 weierp=8472 real=8476 trade=8482 alefsym=8501 larr=8592 uarr=8593
    rarr=8594 darr=8595 harr=8596 crarr=8629 lArr=8656 uArr=8657 rArr=8658 dArr=8659 hArr=8660
    forall=8704 part=8706 exist=8707 empty=8709 nabla=8711 isin=8712 notin=8713 ni=8715 prod=8719
    sum=8721 minus=8722 lowast=8727 radic=8730 prop=8733 infin=8734 ang=8736 and=8743 or=8744 cap=8745
    cup=8746 int=8747 there4=8756 sim=8764 cong=8773 asymp=8776 ne=8800 equiv=8801 le=8804 ge=8805
    sub=8834 sup=8835 nsub=8836 sube=8838 supe=8839 oplus=8853 otimes=8855 perp=8869 sdot=8901
    lceil=8968 rceil=8969 lfloor=8970 rfloor=8971 lang=9001 rang=9002 loz=9674 spades=9824 clubs=9827
    hearts=9829 diams=9830
    """

  /// An entity reference that is neither one of XML's five nor one of XHTML's: its name and
  /// the 1-based line it is on.
  struct Reference: Equatable, Sendable {
    package var name: String
    package var line: Int
  }

  /// The five entities every XML parser knows.
  static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  /// `data` made ready for an XML parser that loads no DTD and expands no entity:
  ///
  /// - every XHTML named entity written as a character reference (`&nbsp;` → `&#160;`);
  /// - every other reference but XML's five (`&xxe;`, `&author;`, one a DOCTYPE declares)
  ///   written as text (`&amp;xxe;`), and returned with its line, so that it is read as
  ///   written instead of swallowing the text after it, and nothing is fetched or expanded.
  ///
  /// Line breaks stay where they are, so the parser's line numbers still hold. Character
  /// references and a bare `&` are left for the parser. A UTF-16 document is returned as it is.
  static func preparing(_ data: Data) -> (data: Data, unknown: [Reference]) {
    let bytes = [UInt8](data)
    let ampersand = UInt8(ascii: "&")
    guard bytes.contains(ampersand), !isUTF16(bytes) else { return (data, []) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 64)
    var unknown: [Reference] = []
    var line = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      guard byte == ampersand, let (name, end) = entityName(in: bytes, after: index) else {
        output.append(byte)
        index += 1
        continue
      }
      if let value = codePoints[name] {
        output += Array("&#\(value);".utf8)
      } else if xmlEntities.contains(name) {
        output += bytes[index..<end]
      } else {
        output += Array("&amp;".utf8) + bytes[(index + 1)..<end]
        unknown.append(Reference(name: name, line: line))
      }
      index = end
    }
    return (Data(output), unknown)
  }

  /// The name of `&name;` starting at `start`, and the index after its `;`. Names are XML's:
  /// a letter, `_`, `:` or any non-ASCII character first, then digits, `-` and `.` too.
  private static func entityName(in bytes: [UInt8], after start: Int) -> (String, Int)? {
    var index = start + 1
    guard index < bytes.count, isNameStartByte(bytes[index]) else { return nil }
    while index < bytes.count, isNameStartByte(bytes[index]) || isNameByte(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
    return (String(decoding: bytes[(start + 1)..<index], as: UTF8.self), index + 1)
  }

  private static func isNameStartByte(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: ":") || byte >= 0x80
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  private static func isUTF16(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x3C])
      || bytes.starts(with: [0x3C, 0x00])
  }
}
