/// LeakSanitizer's default suppressions, read by the sanitizer runtime from this C symbol when
/// cplan is built with `--sanitize=address` (`make test-asan`); in other builds nothing reads it.
///
/// swift-argument-parser leaks a 48-byte array (`InputKey.fullPath`) when it refuses a command line
/// — a value outside an option's enum, `cplan --lang fr check` — just before the process exits
/// with status 2. It is not cplan's memory and not a growing leak, but LeakSanitizer turns it into
/// exit status 1. Only leaks whose allocation stack passes through swift-argument-parser are
/// suppressed for that.
///
/// (Patterns are substrings of frame names; `$` would be an anchor, so the `$s` prefix of
/// mangled names is left out.)
@_cdecl("__lsan_default_suppressions")
func leakSanitizerSuppressions() -> UnsafePointer<CChar> {
  // A StaticString's bytes are a NUL-terminated C string in the binary's read-only data.
  UnsafeRawPointer(("leak:s14ArgumentParser\n" as StaticString).utf8Start)
    .assumingMemoryBound(to: CChar.self)
}
