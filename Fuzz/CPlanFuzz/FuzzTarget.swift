import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#endif

/// One fuzz input through the lexer, the parser (file and shell modes), the plan loader, the
/// engine (validation, both rankings with sensitivity) and, for a plan that loads, the canonical
/// writer and every export (issue 7).
///
/// What counts as a failure, besides a trap or a sanitizer report:
/// - a loader diagnostic without a location, or a location outside the file (SPEC §2: every
///   error names its line and column);
/// - a saved plan that does not load again, or whose second save differs from the first
///   (SPEC §6: the round trip is byte-identical).
enum FuzzTarget {
  static let header = Array("# cplan plan 1\n".utf8)

  static func run(_ bytes: [UInt8]) {
    _ = Parser.parse(bytes, file: "fuzz.cplan")
    _ = Parser.parse(bytes, file: "<shell>", allowIncomplete: true)
    load(bytes)
    // Most inputs lack the header; put it in front so the body reaches the loader too.
    if !bytes.starts(with: header.dropLast()) { load(header + bytes) }
  }

  static func load(_ bytes: [UInt8]) {
    let plan: Plan
    do {
      plan = try PlanLoader.load(bytes: bytes, file: "fuzz.plan")
    } catch {
      for d in error.diagnostics {
        guard let at = d.location else { fail("loader diagnostic without a location: \(d.code) \(d.message.en)") }
        checkInside(at, bytes, d)
      }
      return
    }
    for d in Engine.validate(plan, strict: true) {
      if let at = d.location { checkInside(at, bytes, d) }
    }
    for method in ["weighted", "topsis"] {
      if let ranking = try? PlanRanking.compute(plan, method: method, sensitivity: true) {
        _ = RankingReport.text(ranking, plan: plan, language: .en)
      }
    }
    let saved = PlanWriter.write(plan)
    let again: Plan
    do {
      again = try PlanLoader.load(bytes: Array(saved.utf8), file: "saved.plan")
    } catch {
      fail("a saved plan does not load again: \(error.diagnostics.map { "\($0.code) \($0.message.en)" })\n\(saved)")
    }
    let resaved = PlanWriter.write(again)
    if resaved != saved { fail("saving a loaded plan again changed it:\n\(saved)\n---\n\(resaved)") }
    for format in ExportFormat.allCases {
      guard !format.isBinary else {
        _ = try? Exporter.binary(plan, format: format, options: ExportOptions(language: .zh))
        continue
      }
      _ = Exporter.export(plan, format: format, options: ExportOptions(language: .zh, width: 60))
    }
  }

  /// A location must name a line of the file and a column on it (columns count scalars: bytes
  /// that do not continue a UTF-8 sequence), or one blank past its end (a missing argument).
  static func checkInside(_ at: SourceLocation, _ bytes: [UInt8], _ d: Diagnostic) {
    var line = 1
    var width = 0
    for b in bytes {
      if line > at.line { break }
      if b == 0x0A {
        line += 1
      } else if line == at.line, b & 0xC0 != 0x80 {
        width += 1
      }
    }
    guard at.line >= 1, at.line <= line, at.column >= 1, at.column <= width + 2 else {
      fail(
        "\(d.code) at \(at.line):\(at.column), outside the file (line \(at.line) has \(width) columns): \(d.message.en)"
      )
    }
  }

  static func fail(_ message: String) -> Never {
    report(message)
    abort()
  }

  /// Writes a line to standard error.
  static func report(_ message: String) {
    let line = Array("CPlanFuzz: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}

/// The libFuzzer entry point (built with `-sanitize=fuzzer`; see Fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  FuzzTarget.run(bytes)
  return 0
}

#if CPLAN_FUZZ
  /// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links).
  @_extern(c, "LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable with `main` aliased to `CPlanFuzz_main` (its testable-executable
  /// entry point), which `-parse-as-library` without `@main` never defines; this one hands the
  /// process to libFuzzer's driver, as libFuzzer's own `main` would.
  @_cdecl("CPlanFuzz_main")
  func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzzTestOneInput(data, size) }
  }
#else
  /// Without libFuzzer (a plain `swift build`), the target replays the files it is given,
  /// e.g. a crash found by the fuzzer: `swift run CPlanFuzz fuzz-out/crash-…`.
  @main
  struct Replay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let bytes = try? FileIO.read(path) else {
          FuzzTarget.report("cannot read \(path)")
          exit(2)
        }
        FuzzTarget.run(bytes)
        print("ok \(path)")
      }
    }
  }
#endif
