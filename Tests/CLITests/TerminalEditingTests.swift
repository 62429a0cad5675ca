import Foundation
import Testing

/// Editing Chinese text by whole characters, with no locale in the environment (SPEC §10).
extension TerminalIntegration {
  @Test func chineseIsEditedByWholeCharacters() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("人工智能")
    #expect(t.waitFor("cplan> 人工智能"))
    t.press("BSpace", "Left")
    t.type("X")
    #expect(t.waitFor("cplan> 人工X智"), "\(t.screen())")
    // "cplan> " is 7 columns, 人 and 工 two each, X one: the cursor is on 智.
    #expect(t.cursor().x == 12)
    t.press("Enter")
    // What the shell received is the edited line: it names it in its error.
    #expect(t.waitFor("unknown command '人工X智'"), "\(t.screen())")
  }

  @Test func theCursorIsRightAfterMovingOverWideCharacters() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("ab新能源cd")
    #expect(t.waitFor("cplan> ab新能源cd"))
    #expect(t.cursor().x == 7 + 2 + 6 + 2)
    t.press("Left", "Left", "Left")
    #expect(t.waitUntil { _ in t.cursor().x == 7 + 2 + 4 })  // on 源
    t.press("C-a")
    #expect(t.waitUntil { _ in t.cursor().x == 7 })
    t.press("Right", "Right", "Right")
    #expect(t.waitUntil { _ in t.cursor().x == 7 + 2 + 2 })  // on 能
    t.press("C-e")
    #expect(t.waitUntil { _ in t.cursor().x == 17 })
  }

  /// Home and End move to the ends of the line (the tester found End inserting `~` under tmux).
  @Test func homeAndEndMoveToTheEndsOfTheLine() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("ab新能源cd")
    #expect(t.waitFor("cplan> ab新能源cd"))
    t.press("Home")
    #expect(t.waitUntil { _ in t.cursor().x == 7 }, "\(t.cursor())")
    t.press("End")
    #expect(t.waitUntil { _ in t.cursor().x == 17 }, "\(t.cursor())")
    t.type("!")
    #expect(t.waitFor("cplan> ab新能源cd!"), "\(t.screen())")
    #expect(!t.screen().contains("~"))
  }

  @Test func aWrappedChineseLineIsEditedAcrossTheWrap() throws {
    // 30 columns: the prompt and 11 characters fill 29 columns; the 12th goes to the next row.
    let t = try TerminalSession(width: 30, height: 20)
    #expect(t.waitForPrompt())
    let row = t.cursor().y
    t.type(String(repeating: "汉", count: 20))
    #expect(t.waitUntil { _ in t.cursor() == (18, row + 1) }, "\(t.cursor()) \(t.screen())")
    t.press("Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left")
    #expect(t.waitUntil { _ in t.cursor() == (7 + 22, row) || t.cursor() == (0, row + 1) }, "\(t.cursor())")
    t.press("Left")
    #expect(t.waitUntil { _ in t.cursor() == (7 + 20, row) }, "\(t.cursor())")
    t.press("BSpace")
    t.press("C-e")
    #expect(t.waitUntil { _ in t.cursor() == (16, row + 1) }, "\(t.cursor()) \(t.screen())")
  }

  @Test func aThreeThousandCharacterChineseLineSurvives() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    let text = String((0..<3000).map { Character(Unicode.Scalar(0x4E00 + UInt32($0 % 700))!) })
    t.type("add field F1 \"\(text)\"")
    #expect(t.waitForWrapped("\(text.suffix(200))\""), "\(t.screen())")
    t.press("Enter")
    #expect(t.waitForPrompt("cplan*>"))
    t.enter("save long.plan")
    #expect(t.waitUntil { _ in t.file("long.plan").contains("\"\(text)\"") })
  }
}

extension TerminalIntegration {
  @Test func pastedLinesRunInOrder() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("add field F1 \"新能源\"\nadd field F2 \"碳纤维\"\nlist field\n")
    #expect(t.waitFor("F1  新能源\nF2  碳纤维\ncplan*>"), "\(t.screen())")
  }
}
