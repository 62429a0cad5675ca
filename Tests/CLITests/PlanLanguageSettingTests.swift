import Foundation
import Testing

/// Issue 17 item 8 (SPEC §15, §10): a plan may carry `language zh`; check, rank, review,
/// export and diff then speak it when neither `--lang` nor `CPLAN_LANG` is given — `--lang`,
/// else `CPLAN_LANG`, else the plan's, else the locale.
@Suite struct PlanLanguageSettingTests {
  /// The sample plan, and the same plan with `set plan language zh`, in a fresh folder.
  static func plans() throws -> (folder: URL, plain: String, zh: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-lang-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let sample = try String(
      contentsOf: CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan"), encoding: .utf8)
    let plain = folder.appendingPathComponent("plain.plan").path
    let zh = folder.appendingPathComponent("zh.plan").path
    try sample.write(toFile: plain, atomically: true, encoding: .utf8)
    try (sample + "set plan language zh\n").write(toFile: zh, atomically: true, encoding: .utf8)
    return (folder, plain, zh)
  }

  /// Each command's arguments, given the two plan files.
  static func arguments(_ name: String, plain: String, zh: String) -> [String] {
    switch name {
    case "export": ["export", "--format", "text", zh]
    case "diff": ["diff", plain, zh]
    default: [name, zh]
    }
  }

  @Test(arguments: ["check", "rank", "review", "export", "diff"])
  func thePlansLanguageIsUsedUnlessLangOrCPLANLANGSaysOtherwise(_ name: String) throws {
    let (folder, plain, zh) = try Self.plans()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = Self.arguments(name, plain: plain, zh: zh)
    // An English locale: without the setting the output would be English.
    let locale = ["LANG": "en_US.UTF-8"]
    let bare = try CLI.run(arguments, environment: locale)
    let chinese = try CLI.run(arguments + ["--lang", "zh"], environment: locale)
    let english = try CLI.run(arguments + ["--lang", "en"], environment: locale)
    #expect(bare.out == chinese.out && bare.err == chinese.err && bare.status == chinese.status)
    #expect(bare.out + bare.err != english.out + english.err, "the two languages print the same")
    // CPLAN_LANG comes before the plan's setting, --lang before both.
    let environment = try CLI.run(arguments, environment: locale.merging(["CPLAN_LANG": "en"]) { $1 })
    #expect(environment.out == english.out && environment.err == english.err)
    let both = try CLI.run(arguments + ["--lang", "zh"], environment: locale.merging(["CPLAN_LANG": "en"]) { $1 })
    #expect(both.out == chinese.out)
  }

  /// The setting is read as a keyword (or its term) and written back as the keyword.
  @Test func theSettingIsKeptAsItsKeyword() throws {
    let (folder, _, zh) = try Self.plans()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fmt = try CLI.run(["fmt", "--stdout", zh])
    #expect(fmt.out.contains("set plan language zh\n") || fmt.out.contains(" language zh"))
    let typed = try CLI.run(["-c", "set plan language 中文", "-c", "show plan"], environment: ["LANG": "en_US.UTF-8"])
    #expect(typed.status == 0)
    #expect(typed.out.contains("language"))
  }
}
