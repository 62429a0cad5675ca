import PlanLanguage
import PlanModel

extension Session {
  /// `comment plan [TEXT|none]`, `comment KIND KEY... [TEXT|none]` (SPEC §15): sets, replaces
  /// or removes the comment kept above the entity's statement in the plan file — one undo step,
  /// journalled like an edit — or, without TEXT, prints it (its lines without `# `).
  ///
  /// A TEXT of several lines (`\n`) is several comment lines. Setting the comment it already has
  /// changes nothing (no undo step, nothing unsaved), as a `set` to the same value.
  func comment(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let target: CommentTarget
    if arguments.literal == "plan" {
      target = .plan
    } else {
      guard let kind = arguments.kind else { return false }
      do {
        target = CommentTarget(kind, try plan.existingKey(kind, arguments.keys, in: command))
      } catch {
        return fail(error)
      }
    }
    guard let token = arguments["TEXT"] else {
      let lines = plan.comments[target]
      if lines.isEmpty {
        notice(CommandText.noComment(target.description))
      } else {
        output.write(PlanComments.text(of: lines) + "\n")
      }
      return true
    }
    var lines: [String] = []
    if case .string(let text) = token.kind { lines = PlanComments.lines(of: text) }
    guard plan.comments[target] != lines else { return true }
    change(journalling: command) { $0.setComment(lines, for: target) }
    return true
  }
}
