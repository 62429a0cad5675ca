import Foundation
import PlanLanguage
import Testing

@testable import PlanIO

/// A plan file saved as GB18030 (GBK) instead of UTF-8 is refused, naming the encoding and the
/// conversion (issue 18 item 11) — also when its bytes happen to be valid UTF-8 — and text that
/// is not mis-decoded is never flagged. A plan file that begins with a byte-order mark loads
/// (SPEC §15).
@Suite struct EncodingGuessTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every plan file of the repository: the sample plans and the plans the tests are made of.
  static let suitePlans: [String] = {
    var found: [String] = []
    for folder in ["plans", "Fuzz/seeds"] {
      let url = root.appendingPathComponent(folder)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".plan") {
        found.append(folder + "/" + name)
      }
    }
    return found.sorted()
  }()

  /// `text` converted to GB18030 by the iconv program (not by the code under test).
  static func gb18030(_ text: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return Array(data)
  }

  func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-enc-\(UUID().uuidString).plan").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Loads `bytes` from a file (the windowed path) and from memory; the refusal, if any.
  func refusal(_ bytes: [UInt8]) throws -> [Diagnostic] {
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var found: [Diagnostic] = []
    do {
      _ = try PlanLoader.load(path: path)
    } catch {
      if case .unusable(let d) = error, d.code == "E127" { found.append(d) }
    }
    do {
      _ = try PlanLoader.load(bytes: bytes, file: path)
    } catch {
      if case .unusable(let d) = error, d.code == "E127" { found.append(d) }
    }
    return found
  }

  @Test func theSuiteHasPlans() {
    #expect(Self.suitePlans.contains("plans/jilin-2025-2030.plan"))
    #expect(Self.suitePlans.count > 1)
  }

  /// The tester's class: the sample plans (and every plan of the suite with Chinese in it)
  /// converted to GBK are refused, in both loading paths, with the encoding and the conversion.
  @Test(arguments: suitePlans)
  func aPlanConvertedToGBKIsRefused(_ file: String) throws {
    // Only a UTF-8 plan with Chinese in it changes in GB18030 (lexical.plan holds invalid bytes
    // on purpose).
    let data = Array(try Data(contentsOf: Self.root.appendingPathComponent(file)))
    guard let text = String(validating: data, as: UTF8.self),
      text.unicodeScalars.contains(where: { $0.properties.isIdeographic })
    else { return }
    let bytes = try Self.gb18030(text)
    let refused = try refusal(bytes)
    #expect(refused.count == 2, "\(file)")
    for d in refused {
      #expect(d.message.en.contains("looks like Chinese saved as GB18030 (GBK)"))
      #expect(d.message.en.contains("iconv -f GB18030 -t UTF-8"))
    }
  }

  /// The plans of the suite as they are (UTF-8) are never flagged.
  @Test(arguments: suitePlans)
  func noPlanOfTheSuiteIsFlagged(_ file: String) throws {
    let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(file)))
    #expect(EncodingGuess.gb18030(bytes) == nil, "\(file)")
  }

  /// GBK whose bytes are valid UTF-8: 农业 `C5 A9 D2 B5` reads "ũҵ", 医药 `D2 BD D2 A9` "ҽҩ", 协同
  /// `D0 AD CD AC` "Эͬ", 伟业 `CE B0 D2 B5` "ΰҵ" (Python: "农业".encode("gbk").decode("utf-8")).
  @Test(arguments: ["农业", "医药", "协同", "伟业"])
  func gbkThatIsValidUTF8IsRefused(_ name: String) throws {
    let text = "# cplan plan 1\nset plan title \"plan\"\nadd field F1 \"\(name)\"\n"
    let bytes = try Self.gb18030(text)
    #expect(String(validating: bytes, as: UTF8.self) != nil)  // the trap: it is valid UTF-8
    let refused = try refusal(bytes)
    #expect(refused.count == 2)
    for d in refused {
      #expect(d.location?.line == 3)
      #expect(d.location?.column == 15)  // the opening quote is column 14
      #expect(d.message.en.contains("this line reads \"add field F1 \"\(name)\"\""), "\(d.message.en)")
    }
  }

  /// Names that are what they say: Chinese with Latin, Latin with accents (composed and not),
  /// Cyrillic (Russian and Kazakh), Hebrew with points, Greek, Arabic, Armenian, a Greek letter
  /// before Chinese, a middle dot between Chinese names, degrees and times signs.
  @Test(arguments: [
    "T1000 级碳纤维", "Café", "Cafe\u{301}", "Crème brûlée", "Москва", "Қазақстан", "Ёлка", "ירושלים", "שָׁלוֹם",
    "Ελληνικά", "مرحبا", "Հայաստան", "α粒子", "β射线", "艾伦·图灵", "温度 30°C", "3×5 米", "Nguyễn", "日本語", "한국어",
    "Straße", "Œuvre", "ÅÄÖ åäö",
  ])
  func namesThatAreWhatTheySayAreNotFlagged(_ name: String) throws {
    let text = "# cplan plan 1\nadd field F1 \"\(name)\"\n"
    #expect(EncodingGuess.gb18030(Array(text.utf8)) == nil)
    #expect(try refusal(Array(text.utf8)).isEmpty)
    let path = try temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let plan = try PlanLoader.load(path: path)
    #expect(plan[.field].count == 1)
  }

  /// A file that is neither UTF-8 nor Chinese GB18030 (Latin-1 bytes) fails as before: invalid
  /// UTF-8 at its line and column, not E127.
  @Test func latin1IsNotTakenForGBK() throws {
    let bytes = Array("# cplan plan 1\nadd field F1 \"Caf".utf8) + [0xE9] + Array("\"\n".utf8)
    #expect(EncodingGuess.gb18030(bytes) == nil)
    #expect(throws: PlanLoadError.self) { try PlanLoader.load(bytes: bytes, file: "l.plan") }
  }

  /// A byte-order mark is passed over (both loading paths), and not written back.
  @Test func aPlanFileWithAByteOrderMarkLoads() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("plans/jilin-2025-2030.plan"), encoding: .utf8)
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let path = try temporaryFile(bom + Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let withMark = try PlanLoader.load(path: path)
    let without = try PlanLoader.load(bytes: Array(text.utf8), file: "p.plan")
    #expect(PlanWriter.write(withMark) == PlanWriter.write(without))
    #expect(!PlanWriter.write(withMark).utf8.starts(with: bom))
    #expect(
      try PlanWriter.write(PlanLoader.load(bytes: bom + Array(text.utf8), file: "p.plan")) == PlanWriter.write(without))
  }
}
