import Foundation
import PlanModel

@testable import PlanIO

/// Plans for the export and diff tests: the Jilin sample plan, and a small plan whose names hold
/// what breaks naive exporters — Chinese and Latin mixed, commas, double quotes, newlines, a
/// tab, a combining mark without a precomposed form (q̃, x̄), Markdown and HTML punctuation.
enum ExportFixtures {
  /// The repository's root, from this file's place in `Tests/PlanIOTests/`.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let jilinPath = root.appendingPathComponent("plans/jilin-2025-2030.plan").path

  /// The Jilin plan, its diagnostics naming `plans/jilin-2025-2030.plan` wherever the checkout is.
  static func jilin() throws -> Plan {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: jilinPath)))
    return try PlanLoader.load(bytes: bytes, file: "plans/jilin-2025-2030.plan")
  }

  /// The tricky plan: two consortia (one over the government-share cap), three phases (one in
  /// months), plan-wide goals and measures, direct weights, and rule findings to report.
  static let trickyText = #"""
    # cplan plan 1
    set plan title "Demo 示范规划: Latin, 中文 & \"quotes\" <b>|x|</b>" region "吉林省 Jilin" horizon 2025..2027 cutoff 1
    add criterion C1 "产业链基础" tag chain weight 0.5
    add criterion C2 "Leader q̃uality, 领军" tag leader weight 0.3
    add criterion C3 "科教资源" tag science type benefit weight 0.2
    add field F1 "新能源汽车, NEV"
    add field F2 "碳纤维 \"T1000\""
    add field F3 "x̄ photonics 光电" justification "省级战略: \"光谷\" <plan>"
    add score F1 C1 9
    add score F1 C2 8
    add score F1 C3 6
    add score F2 C1 7
    add score F2 C2 9
    add score F2 C3 5
    add score F3 C1 5
    add score F3 C2 6
    add score F3 C3 9
    add org faw "一汽, FAW \"Group\"\n第二行" type enterprise size large ownership soe rd-intensity 4.5%
    add org jlu "Université de Jilin 吉林大学" type university
    add org sme "q̃ Small SME 小微企业" type enterprise size small ownership private
    add org cas "中科院 | CAS *institute*" type institute
    add org jcfc "吉林化纤" type enterprise size large rd-intensity 2%
    add consortium K1 "汽车联合体 (NEV)" field F1 period 2025..2027 agreement yes ip-strategy yes
    add consortium K2 "碳纤维 Consortium, 2nd" field F2 period 2025-03..2027-06
    add member K1 faw role lead chain downstream
    add member K1 jlu role core chain platform
    add member K1 sme role member chain upstream
    add member K1 cas role core
    add member K2 jcfc role lead chain midstream
    add member K2 jlu role member chain platform
    add phase P1 "攻关期" period 2025..2025
    add phase P2 "推广期 Roll-out" period 2026-01..2026-12
    add phase P3 "Ecosystem 生态期" period 2027..2027
    add goal G1 "电池能量密度, \"Wh/kg\"" phase P1 consortium K1 indicator "能量密度" unit "Wh/kg" baseline 250 baseline-year 2024 target 300
    add goal G2 "能耗下降\n（第二行）" phase P2 consortium K1 category industry indicator "单车能耗" unit "kWh/100km" baseline 15 target 12.5 direction down after G1
    add goal G3 "Ecosystem: 50 SMEs" phase P3 consortium K1 category ecosystem indicator "配套企业" unit "家" baseline 10 target 50 after G2
    add goal G4 "T1000 量产" phase P1 consortium K2 indicator "产能" unit "吨" baseline 0 target 500
    add goal G5 "区域标准" phase P2 category standard indicator "标准数" unit "项" baseline 0 target 3
    add goal G6 "人才, 引进" phase P3 category talent indicator "人才数" unit "人" baseline 5 target 40.25
    add measure M1 "揭榜挂帅, 专项 \"A\"" phase P1 consortium K1 instrument grant funder provincial amount 1234.5 agency "省科技厅, 高新处" start 2025-01
    add measure M2 "人才\t激励" phase P1 consortium K1 instrument talent funder enterprise amount 800 agency "FAW HR" start 2025-03
    add measure M3 "应用场景\n开放" phase P2 consortium K1 instrument scenario funder municipal agency "市工信局" start 2026-01
    add measure M4 "首批次保险" phase P2 consortium K2 instrument insurance funder central amount 100000 agency "工信部 <MIIT>" start 2026-02
    add measure M5 "公共平台" phase P3 instrument platform funder provincial amount 0.1 agency "省发改委 & 财政厅"
    add funding K1 P1 enterprise 8000
    add funding K1 P1 provincial 1234.5
    add funding K1 P2 enterprise 9000
    add funding K1 P2 municipal 1000
    add funding K1 P3 social 500
    add funding K2 P1 central 6000
    add funding K2 P1 enterprise 2000
    add funding K2 P2 provincial 3000

    """#

  static func tricky() throws -> Plan {
    try PlanLoader.load(bytes: Array(trickyText.utf8), file: "tricky.plan")
  }

  /// Both plans, by name, for parameterised tests.
  static func plan(_ name: String) throws -> Plan {
    name == "jilin" ? try jilin() : try tricky()
  }

  static let planNames = ["jilin", "tricky"]
}

/// Runs python3 for the checks that want an independent reader (csv, html.parser, jsonschema).
enum ExportPython {
  /// Runs `script` with `input` on standard input; returns standard output.
  /// - Throws: when python3 cannot start or exits with a failure (its standard error in the message).
  static func run(_ script: String, input: String, arguments: [String] = []) throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("cplan-export-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputURL = directory.appendingPathComponent("input")
    let errorURL = directory.appendingPathComponent("error")
    try Data(input.utf8).write(to: inputURL)
    try Data().write(to: errorURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    process.environment = environment
    let stdout = Pipe()
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw PythonFailure(message: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }
    return String(decoding: output, as: UTF8.self)
  }

  struct PythonFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
  }
}
