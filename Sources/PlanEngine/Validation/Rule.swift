import PlanLanguage
import PlanModel

/// One validation rule of SPEC §7: its code and its check, a small value of its own.
///
/// The default severity and the one-line summary come from ``RuleCatalog``; the check returns
/// every finding of the rule over the whole plan, each located at the statement that defined or
/// last set the entity it is about (``Entity/location``).
struct Rule: Sendable {
  /// `R01` … `R33`.
  let code: String
  /// Every finding of the rule. Runs in time linear in the size of the plan (the indexes in
  /// ``RuleContext/index`` are built once and shared).
  let check: @Sendable (RuleContext) -> [Diagnostic]

  init(_ code: String, check: @escaping @Sendable (RuleContext) -> [Diagnostic]) {
    self.code = code
    self.check = check
  }
}
