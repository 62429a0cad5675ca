import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// A plan file says the oldest format that can read it (SPEC §11, contract version 2): version 1
/// unless it uses something version 2 introduced, such as a new rule threshold.
@Suite("Plan format version")
struct FormatVersionTests {
  static let v1 = "# cplan plan 1\nset plan title \"t\" members-min 4\nadd field F1 \"x\"\n"

  @Test func aPlanThatUsesNothingNewIsWrittenAsVersion1() throws {
    let plan = try PlanLoader.load(bytes: Array(Self.v1.utf8), file: "a.plan")
    #expect(plan.formatVersion == 1)
    #expect(PlanWriter.write(plan) == Self.v1)
  }

  @Test(arguments: ["period-min 2", "period-max 6", "rd-intensity-min 2%", "start-grace 3"])
  func aPlanThatSetsANewSettingIsWrittenAsVersion2(_ setting: String) throws {
    let text = "# cplan plan 2\nset plan title \"t\" \(setting)\nadd field F1 \"x\"\n"
    let plan = try PlanLoader.load(bytes: Array(text.utf8), file: "b.plan")
    #expect(plan.formatVersion == 2)
    #expect(PlanWriter.write(plan) == text)
  }

  @Test func aVersion2FileThatUsesNothingNewLoadsAndIsWrittenBackAsVersion1() throws {
    let text = Self.v1.replacingOccurrences(of: "# cplan plan 1", with: "# cplan plan 2")
    let plan = try PlanLoader.load(bytes: Array(text.utf8), file: "c.plan")
    #expect(PlanWriter.write(plan) == Self.v1)
  }

  @Test func aNewerVersionThanThisProgramReadsIsRefused() {
    let text = "# cplan plan \(PlanWriter.formatVersion + 1)\nadd field F1 \"x\"\n"
    #expect(throws: PlanLoadError.self) { try PlanLoader.load(bytes: Array(text.utf8), file: "d.plan") }
  }

  @Test func unsettingTheNewSettingReturnsToVersion1() throws {
    var plan = try PlanLoader.load(bytes: Array(Self.v1.utf8), file: "a.plan")
    let i = try #require(Schema.planAttributeIndex("rd-intensity-min"))
    plan.settings[i] = .number(0.02)
    #expect(PlanWriter.write(plan).hasPrefix("# cplan plan 2\n"))
    plan.settings[i] = nil
    #expect(PlanWriter.write(plan).hasPrefix("# cplan plan 1\n"))
  }
}
