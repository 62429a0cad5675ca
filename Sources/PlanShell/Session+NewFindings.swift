import PlanLanguage

/// The validation findings of the plan at one moment, as the shell compares them after an edit
/// (issue 17 item 12): a finding is the same as an earlier one when it has the same code and
/// either the same place or the same message — so that `set` moving an entity's statement, or a
/// member added to a consortium that still has too few, does not make an old finding new.
struct FindingSnapshot {
  private struct Place: Hashable {
    var code: String
    var location: SourceLocation?
  }
  private struct Said: Hashable {
    var code: String
    var message: String
  }
  private var places: Set<Place> = []
  private var said: Set<Said> = []

  init(_ findings: [Diagnostic]) {
    for d in findings {
      places.insert(Place(code: d.code, location: d.location))
      said.insert(Said(code: d.code, message: d.message.en))
    }
  }

  /// Whether `finding` was there already.
  func contains(_ finding: Diagnostic) -> Bool {
    places.contains(Place(code: finding.code, location: finding.location))
      || said.contains(Said(code: finding.code, message: finding.message.en))
  }
}

extension Session {
  /// The findings of the plan as it is now (incremental validation, ``validateCurrentPlan(strict:)``),
  /// kept for the next edit: the findings after one edit are the findings before the next.
  func findingSnapshot() -> FindingSnapshot {
    if let memo = findingMemo, memo.mutation == planMutationCount { return memo.snapshot }
    let snapshot = FindingSnapshot(validateCurrentPlan())
    findingMemo = (planMutationCount, snapshot)
    return snapshot
  }

  /// Says in one line (stderr, interactively) the findings that the edits since `before` made:
  /// the most severe first, `+N more` for the others; nothing when there is none. `validate`
  /// gives the full report.
  func reportNewFindings(since before: FindingSnapshot) {
    guard settings.interactive, !settings.quiet else { return }
    let findings = validateCurrentPlan()
    let snapshot = FindingSnapshot(findings)
    findingMemo = (planMutationCount, snapshot)
    let new = findings.filter { !before.contains($0) && $0.severity != .note }
    guard let first = new.min(by: { $0.severity < $1.severity }) else { return }
    output.writeError(
      ShellText.newFinding(
        severity: first.severity.label(settings.language), code: first.code,
        message: first.message.text(settings.language).escapingControls, more: new.count - 1
      ).text(settings.language) + "\n")
  }
}
