/// When to colour diagnostics (`--color`, SPEC §1).
package enum ColorChoice: String, Sendable, CaseIterable {
  /// Only on a terminal, and never with `NO_COLOR` set.
  case auto
  /// Always (still never with `NO_COLOR` set).
  case always
  /// Never.
  case never
}
