import CEditLine
import PlanLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines on a terminal through libedit (SPEC §10): cursor keys, history with ↑/↓ and
/// Ctrl-R, Tab completion, and editing of Chinese text by whole characters.
///
/// The wide-character API is used throughout: `el_wgets` returns UTF-32, the prompt is handed
/// over as UTF-32, and characters are read from the terminal by our own `EL_GETCFN` function,
/// which decodes UTF-8 itself. So no text passes through the C library's multibyte conversion on
/// the way in; on the way out libedit needs a UTF-8 `LC_CTYPE`, which
/// ``DisplayWidth/ensureUTF8Locale()`` sets at start (falling back to `C.UTF-8`).
///
/// The read function also watches the signal self-pipe (``ShellSignals``): Ctrl-C (SIGINT), a
/// window resize (SIGWINCH) and `fg` become private keys (C1 code points no terminal sends in
/// UTF-8) bound with `EL_BIND` to functions added with `EL_ADDFN`, so libedit handles them in
/// ordinary context: the line is abandoned, or drawn again for the new width.
///
/// Ctrl-R is our own reverse incremental search (``ReverseSearch``), not libedit's
/// `em-inc-search-prev`: libedit's search loop looks each typed character up in its key map by
/// its low byte only (`el_map.current[(unsigned char)ch]`), so a Chinese character whose low byte
/// is a control key (化 U+5316 → ^V, 研 U+7814 → ^T) ended the search and was then inserted into
/// the recalled line. While our search is on, the read function hands every key to it as
/// ``searchKey`` instead.
///
/// libedit facts this relies on (libedit 3.1-20221030): `EL_REFRESH` draws from where it believes
/// the cursor is, so an editor function that needs the cursor somewhere first moves it, returns
/// `CC_CURSOR`/`CC_REFRESH`, and pushes a private key (`el_wpush`) for a second function that
/// runs once libedit has drawn; a sequence between `EL_PROMPT_ESC` marks is glued to the visible
/// character after it, so the prompt never puts two sequences together or one at its end.
package final class EditLineReader: LineReader {
  private let editor: OpaquePointer
  private let history: OpaquePointer
  private let files: [UnsafeMutablePointer<FILE>]
  private let drawing: UnsafeMutablePointer<FILE>
  private let drawingDescriptor: Int32
  private let color: Bool
  private let historyFile: HistoryFile?
  /// Computes completions for the input before the cursor (set by the shell).
  package var completer: ((String) -> Completion)?
  package var language: MessageLanguage = .en

  /// The prompt handed to libedit (it keeps the pointer until the next call).
  private var promptBuffer: UnsafeMutablePointer<wchar_t>
  /// Names and help texts of the added editor functions: libedit keeps these pointers.
  private var retained: [UnsafeMutablePointer<wchar_t>] = []
  private var interrupted = false
  package private(set) var interruptDiscardedText = false
  private var pendingSignals: [Int32] = []
  private var pushback: UInt8?
  /// The completion list waiting for ``listKey``, and where the cursor goes back to after it.
  private var pendingList: (text: String, offset: Int)?
  private var finished = false
  /// The reverse incremental search under way (Ctrl-R), and the key it is to handle next.
  private var search: ReverseSearch?
  private var searchInput: wchar_t = 0
  /// The last search text, which Ctrl-R on an empty search uses again.
  private var lastSearch = ""
  /// The prompt given to ``readLine(prompt:)`` (the search shows its own while it runs).
  private var prompt = "cplan> "
  /// Keys the read function returns before reading the terminal: the key that ended a search.
  private var queued: [wchar_t] = []

  /// Marks the start and end of an invisible sequence in the prompt (`EL_PROMPT_ESC`).
  static let promptEscape: wchar_t = 1
  /// The private key the read function returns for Ctrl-C delivered as a signal.
  static let interruptKey: wchar_t = 0x9E
  /// The private key the read function returns after a window resize.
  static let redrawKey: wchar_t = 0x9F
  /// The private key the read function returns after `fg` (the line is drawn afresh).
  static let continueKey: wchar_t = 0x9B
  /// Private keys pushed back by a first editor function to run a second one after libedit
  /// has moved the cursor: end an interrupted read, and list completions below the line.
  static let endInterruptKey: wchar_t = 0x9D
  static let listKey: wchar_t = 0x9C
  /// The private key the read function returns for every key typed during a Ctrl-R search.
  static let searchKey: wchar_t = 0x9A

  /// Sets up libedit on standard input.
  /// - Parameters:
  ///   - drawing: where the editor draws: standard output when it is a terminal, else standard error.
  ///   - color: whether the prompt may be coloured.
  ///   - historyFile: where history is loaded from and appended to.
  /// - Returns: `nil` when libedit cannot be initialised (the caller reads without editing).
  package init?(drawing descriptor: Int32, color: Bool, historyFile: HistoryFile?) {
    guard let input = fdopen(dup(0), "r") else { return nil }
    guard let output = fdopen(dup(descriptor), "w") else {
      fclose(input)
      return nil
    }
    guard let errors = fdopen(dup(2), "w") else {
      fclose(input)
      fclose(output)
      return nil
    }
    guard let editor = el_init("cplan", input, output, errors), let history = history_winit() else {
      for f in [input, output, errors] { fclose(f) }
      return nil
    }
    self.editor = editor
    self.history = history
    self.files = [input, output, errors]
    self.drawing = output
    self.drawingDescriptor = descriptor
    self.color = color
    self.historyFile = historyFile
    self.promptBuffer = EditLineReader.wideCopy("cplan> ")
    configure()
    ShellSignals.install(terminal: 0, drawing: descriptor)
    for entry in historyFile?.load() ?? [] {
      EditLineReader.withWide(entry) { _ = cplan_history_enter(history, $0) }
    }
  }

  deinit {
    finish()
    promptBuffer.deallocate()
    for p in retained { p.deallocate() }
  }

  private func configure() {
    _ = cplan_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    _ = cplan_history_set_size(history, Int32(HistoryFile.limit))
    _ = cplan_history_set_unique(history, 1)
    EditLineReader.withWide("emacs") { _ = cplan_el_set_editor(editor, $0) }
    _ = cplan_el_set_signal(editor, 0)
    _ = cplan_el_set_prompt(editor, editLinePrompt, EditLineReader.promptEscape)
    _ = cplan_el_set_history(editor, history)
    _ = cplan_el_set_read(editor, editLineReadCharacter)
    addFunction("cplan-complete", "complete the word before the cursor", editLineComplete)
    addFunction("cplan-interrupt", "abandon the line and any continued command", editLineInterrupt)
    addFunction("cplan-redraw", "redraw the line for the window's size", editLineRedraw)
    addFunction("cplan-continue", "(private) draw the line again after fg", editLineContinue)
    addFunction("cplan-end-interrupt", "(private) end the read after Ctrl-C", editLineEndInterrupt)
    addFunction("cplan-list", "(private) list completions below the line", editLineList)
    addFunction("cplan-search", "search the history backwards as you type", editLineSearch)
    addFunction("cplan-search-key", "(private) a key typed during a search", editLineSearchKey)
    bind("^I", "cplan-complete")
    bind("^C", "cplan-interrupt")
    bind(String(UnicodeScalar(UInt8(EditLineReader.interruptKey))), "cplan-interrupt")
    bind(String(UnicodeScalar(UInt8(EditLineReader.redrawKey))), "cplan-redraw")
    bind(String(UnicodeScalar(UInt8(EditLineReader.continueKey))), "cplan-continue")
    bind(String(UnicodeScalar(UInt8(EditLineReader.endInterruptKey))), "cplan-end-interrupt")
    bind(String(UnicodeScalar(UInt8(EditLineReader.listKey))), "cplan-list")
    bind(String(UnicodeScalar(UInt8(EditLineReader.searchKey))), "cplan-search-key")
    bind("^R", "cplan-search")
    bind("^W", "ed-delete-prev-word")
    bind("\\e[1;5D", "ed-prev-word")
    bind("\\e[1;5C", "em-next-word")
    // Home and End as terminals send them (xterm, tmux/screen, the keypad's application mode);
    // libedit binds some of them only, and an unbound `\e[4~` inserts its `~`.
    for home in ["\\e[H", "\\e[1~", "\\e[7~", "\\eOH"] { bind(home, "ed-move-to-beg") }
    for end in ["\\e[F", "\\e[4~", "\\e[8~", "\\eOF"] { bind(end, "ed-move-to-end") }
  }

  private func addFunction(_ name: String, _ help: String, _ function: cplan_el_key_fn) {
    let n = EditLineReader.wideCopy(name)
    let h = EditLineReader.wideCopy(help)
    retained += [n, h]
    _ = cplan_el_add_function(editor, n, h, function)
  }

  private func bind(_ key: String, _ function: String) {
    EditLineReader.withWide(key) { k in
      EditLineReader.withWide(function) { f in _ = cplan_el_bind(editor, k, f) }
    }
  }

  // MARK: LineReader

  package func readLine(prompt: String) -> LineInput {
    self.prompt = prompt
    search = nil
    setPrompt(prompt)
    interrupted = false
    pendingList = nil
    // A Ctrl-C pressed while a command ran is not meant for this line.
    pendingSignals = ShellSignals.drain().filter { $0 != SIGINT }
    ShellSignals.setEditing(true)
    var count: Int32 = 0
    let result = el_wgets(editor, &count)
    ShellSignals.setEditing(false)
    // Until the next prompt, keys typed ahead are kept for libedit, not echoed raw (item 12a).
    if cplan_terminal_hold(0) == 0 { ShellSignals.setHolding(true) }
    if interrupted {
      draw("\n")
      return .interrupt
    }
    guard let result, count > 0 else {
      // Ctrl-D on an empty line (libedit has shown ^D), or the terminal went away.
      draw("\n")
      return .endOfInput
    }
    var line = EditLineReader.string(result, count: Int(count))
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  /// Why the history file is neither read nor written, if it is not (issue 18 item 9).
  package var historyProblem: StateDistrust? { historyFile?.problem }

  package func addHistory(_ entry: String) {
    let isNew = historyFile?.append(entry) ?? true
    if isNew { EditLineReader.withWide(entry) { _ = cplan_history_enter(history, $0) } }
  }

  package func finish() {
    guard !finished else { return }
    finished = true
    el_end(editor)
    history_wend(history)
    for f in files { fclose(f) }
    ShellSignals.restoreTerminal()
    ShellSignals.setHolding(false)
  }

  // MARK: Prompt

  /// The prompt, coloured when colour is on: `cplan` bold blue, `*` yellow, `...` dim.
  ///
  /// Each escape sequence stands between two ``promptEscape`` marks, so that libedit does not
  /// count it as columns. libedit glues such a sequence to the visible character after it, so
  /// every sequence is followed by one (two sequences never meet, and none ends the prompt).
  private func setPrompt(_ prompt: String) {
    var text = prompt
    if color, prompt.hasSuffix("> "), prompt.count > 2 {
      let esc = String(UnicodeScalar(UInt8(EditLineReader.promptEscape)))
      func sgr(_ code: String) -> String { esc + "\u{1B}[\(code)m" + esc }
      let body = String(prompt.dropLast(2))
      if body.trimmingWhitespace() == "..." {
        text = sgr("2") + body + sgr("0") + "> "
      } else if body.hasSuffix("*"), body.count > 1 {
        text = sgr("1;34") + body.dropLast() + sgr("0;1;33") + "*" + sgr("0") + "> "
      } else {
        text = sgr("1;34") + body + sgr("0") + "> "
      }
    }
    promptBuffer.deallocate()
    promptBuffer = EditLineReader.wideCopy(text)
  }

  fileprivate var currentPrompt: UnsafeMutablePointer<wchar_t> { promptBuffer }

  // MARK: Editor functions

  /// Tab: completes the word before the cursor, or lists the candidates below the line.
  fileprivate func complete() -> UInt8 {
    guard let completer, let info = el_wline(editor)?.pointee else { return UInt8(CC_ERROR) }
    let before = EditLineReader.string(info.buffer, count: info.cursor - info.buffer)
    let completion = completer(before)
    switch completion.action {
    case .none:
      return UInt8(CC_ERROR)
    case .replace(let text):
      el_deletestr(editor, Int32(completion.word.unicodeScalars.count))
      EditLineReader.withWide(text) { _ = el_winsertstr(editor, $0) }
      return UInt8(CC_REFRESH)
    case .list:
      // The cursor goes to the start of the line first (libedit redraws relative to the row it
      // believes the cursor is on); the list is written by `cplan-list` once it is there. IDs
      // are listed with their names (issue 17 item 19).
      let offset = info.cursor - info.buffer
      pendingList = (completion.listing(width: columns, language: language), offset)
      _ = el_cursor(editor, -Int32(offset))
      push(EditLineReader.listKey)
      return UInt8(CC_CURSOR)
    }
  }

  /// Writes the pending completion list on the lines below the edited line (the cursor is at
  /// the start of the line), puts the cursor back, and has libedit draw the line again below.
  fileprivate func list() -> UInt8 {
    guard let (text, offset) = pendingList, let info = el_wline(editor)?.pointee else { return UInt8(CC_NORM) }
    pendingList = nil
    let line = EditLineReader.string(info.buffer, count: info.lastchar - info.buffer)
    let rows = EditLineReader.rows(prompt: promptWidth, line: line, columns: columns)
    draw(String(repeating: "\n", count: rows) + text)
    _ = el_cursor(editor, Int32(offset))
    return UInt8(CC_REDISPLAY)
  }

  /// Ctrl-C: shows `^C` after the line; `cplan-end-interrupt` then ends the read.
  fileprivate func interrupt() -> UInt8 {
    interrupted = true
    interruptDiscardedText = false
    if let info = el_wline(editor)?.pointee {
      interruptDiscardedText = info.lastchar != info.buffer
      _ = el_cursor(editor, Int32(info.lastchar - info.cursor))
    }
    EditLineReader.withWide("^C") { _ = el_winsertstr(editor, $0) }
    push(EditLineReader.endInterruptKey)
    return UInt8(CC_REFRESH)
  }

  fileprivate func endInterrupt() -> UInt8 {
    interrupted ? UInt8(CC_EOF) : UInt8(CC_NORM)
  }

  private func push(_ key: wchar_t) {
    var keys: [wchar_t] = [key, 0]
    el_wpush(editor, &keys)
  }

  /// After a resize: takes the new size, and draws the prompt and line again from their first row.
  ///
  /// The terminal has reflowed the line to the new width (tmux, VTE, kitty, iTerm2 do), so the
  /// cursor's row within the line is computed for the new width; the cursor goes up that many
  /// rows, the rest of the screen is cleared, and libedit draws everything afresh from there.
  fileprivate func redraw() -> UInt8 {
    el_resize(editor)
    guard let info = el_wline(editor)?.pointee else { return UInt8(CC_REDISPLAY) }
    let before = EditLineReader.string(info.buffer, count: info.cursor - info.buffer)
    let row = EditLineReader.rows(prompt: promptWidth, line: before, columns: columns) - 1
    draw("\r" + (row > 0 ? "\u{1B}[\(row)A" : "") + "\u{1B}[J")
    _ = cplan_el_refresh(editor)
    return UInt8(CC_NORM)
  }

  /// After `fg`: the cursor is on a fresh line; the prompt and line are drawn there.
  fileprivate func drawAgain() -> UInt8 {
    el_resize(editor)
    draw("\r")
    _ = cplan_el_refresh(editor)
    return UInt8(CC_NORM)
  }

  private var columns: Int {
    let c = Int(cplan_terminal_columns(drawingDescriptor))
    return c > 0 ? c : 80
  }

  /// The prompt's width in columns, without its invisible sequences.
  private var promptWidth: Int {
    var width = 0
    var hidden = false
    var p = promptBuffer
    while p.pointee != 0 {
      if p.pointee == EditLineReader.promptEscape {
        hidden.toggle()
      } else if !hidden, let scalar = Unicode.Scalar(UInt32(bitPattern: p.pointee)) {
        width += DisplayWidth.width(of: scalar)
      }
      p += 1
    }
    return width
  }

  /// How many terminal rows the prompt and `line` take, laid out as libedit does: a character
  /// that does not fit at the end of a row goes to the next; a control character shows as `^X`.
  static func rows(prompt: Int, line: String, columns: Int) -> Int {
    let columns = max(columns, 1)
    var row = prompt / columns
    var column = prompt % columns
    for scalar in line.unicodeScalars {
      let w = scalar.value < 0x20 || scalar.value == 0x7F ? 2 : DisplayWidth.width(of: scalar)
      if column + w > columns {
        row += 1
        column = 0
      }
      column += w
      if column >= columns {
        row += 1
        column = 0
      }
    }
    return row + 1
  }

  private func draw(_ text: String) {
    fputs(text, drawing)
    fflush(drawing)
  }

  // MARK: Reverse incremental search (Ctrl-R)

  /// Ctrl-R: starts a search of the history, newest entry first, with an empty search text.
  fileprivate func startSearch() -> UInt8 {
    guard let info = el_wline(editor)?.pointee else { return UInt8(CC_ERROR) }
    var entries: [String] = []
    var entry = cplan_history_step(history, 1)
    while let p = entry {
      entries.append(EditLineReader.string(p, count: wcslen(p)))
      entry = cplan_history_step(history, 0)
    }
    let line = EditLineReader.string(info.buffer, count: info.lastchar - info.buffer)
    search = ReverseSearch(entries: entries, line: line, cursor: info.cursor - info.buffer)
    showSearch()
    return UInt8(CC_REFRESH)
  }

  /// A key typed during the search: text extends it, Ctrl-R finds the next older match,
  /// Backspace takes the last step back, Ctrl-G or Ctrl-C put the line back as it was; any other
  /// key ends the search on the line found and is then handled as usual (Enter runs the line).
  fileprivate func searchKeyTyped() -> UInt8 {
    guard var s = search else { return UInt8(CC_NORM) }
    let key = searchInput
    switch key {
    case 0x12:  // Ctrl-R
      s.older(orElse: lastSearch)
    case 0x07, 0x03, EditLineReader.interruptKey:  // Ctrl-G, Ctrl-C
      search = nil
      replaceLine(s.originalLine, cursor: s.originalCursor)
      setPrompt(prompt)
      return UInt8(CC_REFRESH)
    case 0x7F, 0x08:  // Backspace
      s.back()
    default:
      if key >= 0x20, key != 0x7F, !(0x80...0x9F).contains(key), let scalar = Unicode.Scalar(UInt32(bitPattern: key)) {
        s.type(scalar)
      } else {
        search = nil
        setPrompt(prompt)
        queued.append(key)
        return UInt8(CC_REFRESH)
      }
    }
    if !s.text.isEmpty { lastSearch = s.text }
    search = s
    showSearch()
    return UInt8(CC_REFRESH)
  }

  /// Shows the search's prompt, and its match (or the original line) in the line.
  private func showSearch() {
    guard let s = search else { return }
    setPrompt((s.failed ? "(failed reverse-i-search)'" : "(reverse-i-search)'") + s.text + "': ")
    replaceLine(s.line, cursor: s.cursor)
  }

  /// Replaces the whole line with `text`, the cursor `cursor` characters into it.
  private func replaceLine(_ text: String, cursor: Int) {
    guard let info = el_wline(editor)?.pointee else { return }
    _ = el_cursor(editor, Int32(info.lastchar - info.cursor))
    el_deletestr(editor, Int32(info.lastchar - info.buffer))
    if !text.isEmpty { EditLineReader.withWide(text) { _ = el_winsertstr(editor, $0) } }
    _ = el_cursor(editor, Int32(cursor - text.unicodeScalars.count))
  }

  // MARK: Reading characters

  /// The next key for libedit: a queued key, else one read from the terminal; during a search,
  /// ``searchKey`` stands for it (a resize or `fg` still go to their own functions).
  fileprivate func readCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
    if !queued.isEmpty {
      out.pointee = queued.removeFirst()
      return 1
    }
    let result = readTerminalCharacter(out)
    if result == 1, search != nil, out.pointee != EditLineReader.redrawKey, out.pointee != EditLineReader.continueKey {
      searchInput = out.pointee
      out.pointee = EditLineReader.searchKey
    }
    return result
  }

  /// Reads one character from the terminal (UTF-8 decoded here), or a private key for a
  /// recorded signal. Returns 1, 0 at end of file, -1 on error.
  private func readTerminalCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
    while true {
      if !pendingSignals.isEmpty {
        switch pendingSignals.removeFirst() {
        case SIGINT:
          out.pointee = EditLineReader.interruptKey
          return 1
        case SIGWINCH:
          out.pointee = EditLineReader.redrawKey
          return 1
        case SIGCONT:
          out.pointee = EditLineReader.continueKey
          return 1
        default:
          continue
        }
      }
      if pushback == nil {
        let wake = ShellSignals.wakeDescriptor
        var fds = [
          pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        let n = poll(&fds, wake >= 0 ? 2 : 1, -1)
        if n < 0 {
          if errno == EINTR { continue }
          return -1
        }
        if wake >= 0, fds[1].revents != 0 {
          pendingSignals += ShellSignals.drain()
          continue
        }
        if fds[0].revents == 0 { continue }
      }
      switch readScalar() {
      case .scalar(let s):
        out.pointee = wchar_t(bitPattern: s.value)
        return 1
      case .invalid(let byte):
        // Kept as a marker: the shell reports it at its column (issue 18 item 10).
        out.pointee = wchar_t(bitPattern: TerminalEncoding.marker(for: byte).value)
        return 1
      case .end: return 0
      case .error: return -1
      }
    }
  }

  private enum ReadResult { case scalar(Unicode.Scalar), invalid(UInt8), end, error }

  private func readByte() -> ReadResult? {
    if let b = pushback {
      pushback = nil
      return .scalar(Unicode.Scalar(b))
    }
    var byte: UInt8 = 0
    while true {
      let n = read(0, &byte, 1)
      if n == 1 { return .scalar(Unicode.Scalar(byte)) }
      if n == 0 { return .end }
      if errno == EINTR || errno == EAGAIN { continue }
      return .error
    }
  }

  /// One UTF-8 encoded character. A malformed sequence is its first byte, ``ReadResult/invalid(_:)``
  /// (a byte that cannot continue it is read again).
  private func readScalar() -> ReadResult {
    guard case .scalar(let leadScalar)? = readByte() else { return readByte() ?? .error }
    let lead = UInt8(leadScalar.value)
    let length: Int
    var value: UInt32
    switch lead {
    case 0x00...0x7F: return .scalar(leadScalar)
    case 0xC2...0xDF: length = 1; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 2; value = UInt32(lead & 0x0F)
    case 0xF0...0xF4: length = 3; value = UInt32(lead & 0x07)
    default: return .invalid(lead)
    }
    for _ in 0..<length {
      guard case .scalar(let next)? = readByte() else { return .end }
      let b = UInt8(next.value)
      guard b & 0xC0 == 0x80 else {
        pushback = b
        return .invalid(lead)
      }
      value = value << 6 | UInt32(b & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value), value >= [0, 0x80, 0x800, 0x10000][length] else { return .invalid(lead) }
    return .scalar(scalar)
  }

  // MARK: Wide strings

  /// A NUL-terminated UTF-32 copy of `text` (the caller deallocates it).
  static func wideCopy(_ text: String) -> UnsafeMutablePointer<wchar_t> {
    let scalars = Array(text.unicodeScalars)
    let p = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
    for (i, s) in scalars.enumerated() { p[i] = wchar_t(bitPattern: s.value) }
    p[scalars.count] = 0
    return p
  }

  static func withWide<R>(_ text: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
    let p = wideCopy(text)
    defer { p.deallocate() }
    return body(p)
  }

  static func string(_ p: UnsafePointer<wchar_t>, count: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for i in 0..<max(count, 0) {
      if let s = Unicode.Scalar(UInt32(bitPattern: p[i])) { scalars.append(s) }
    }
    return String(scalars)
  }

  fileprivate static func from(_ editor: OpaquePointer?) -> EditLineReader? {
    guard let editor, let data = cplan_el_clientdata(editor) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
  }
}

// MARK: - C callbacks (no captures: they find the reader through EL_CLIENTDATA)

private func editLinePrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? {
  EditLineReader.from(editor)?.currentPrompt
}

private func editLineReadCharacter(_ editor: OpaquePointer?, _ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
  guard let out, let reader = EditLineReader.from(editor) else { return -1 }
  return reader.readCharacter(out)
}

private func editLineComplete(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.complete() ?? UInt8(CC_ERROR)
}

private func editLineInterrupt(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.interrupt() ?? UInt8(CC_EOF)
}

private func editLineEndInterrupt(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.endInterrupt() ?? UInt8(CC_EOF)
}

private func editLineList(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.list() ?? UInt8(CC_NORM)
}

private func editLineContinue(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.drawAgain() ?? UInt8(CC_REDISPLAY)
}

private func editLineSearch(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.startSearch() ?? UInt8(CC_ERROR)
}

private func editLineSearchKey(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.searchKeyTyped() ?? UInt8(CC_NORM)
}

private func editLineRedraw(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  EditLineReader.from(editor)?.redraw() ?? UInt8(CC_REDISPLAY)
}

/// The state of a reverse incremental search over the history (Ctrl-R), by whole characters.
///
/// Each step (a character typed, or Ctrl-R for an older match) is kept, so Backspace goes back
/// one step. A search text that no older entry contains "fails": the last match stays shown.
struct ReverseSearch {
  struct Step {
    var text: String
    /// The entry shown (an index into `entries`, newest first), or nil for the original line.
    var entry: Int?
    var failed: Bool
  }

  let entries: [String]
  let originalLine: String
  let originalCursor: Int
  private(set) var steps: [Step]

  init(entries: [String], line: String, cursor: Int) {
    self.entries = entries
    self.originalLine = line
    self.originalCursor = cursor
    self.steps = [Step(text: "", entry: nil, failed: false)]
  }

  var text: String { steps[steps.count - 1].text }
  var failed: Bool { steps[steps.count - 1].failed }

  /// The line shown: the entry found, else the original line.
  var line: String { steps[steps.count - 1].entry.map { entries[$0] } ?? originalLine }

  /// Where the cursor goes, in characters (Unicode scalars): at the start of the last occurrence
  /// of the search text in the entry found.
  var cursor: Int {
    let step = steps[steps.count - 1]
    guard let i = step.entry else { return originalCursor }
    let entry = entries[i]
    guard let offset = entry.lastLiteralOccurrence(of: step.text) else { return entry.unicodeScalars.count }
    return offset
  }

  /// The first entry from `start` on that contains `text` and is not `skipping`.
  private func find(_ text: String, from start: Int, skipping: String? = nil) -> Int? {
    guard start < entries.count else { return nil }
    return entries[start...].indices.first { i in
      entries[i] != skipping && entries[i].lastLiteralOccurrence(of: text) != nil
    }
  }

  /// One more character of search text: the entry shown if it still matches, else an older one.
  mutating func type(_ scalar: Unicode.Scalar) {
    let last = steps[steps.count - 1]
    var text = last.text
    text.unicodeScalars.append(scalar)
    let found = find(text, from: last.entry ?? 0)
    steps.append(Step(text: text, entry: found ?? last.entry, failed: found == nil))
  }

  /// Ctrl-R: the next older entry with the search text (`previous` when the search text is empty).
  mutating func older(orElse previous: String) {
    let last = steps[steps.count - 1]
    let text = last.text.isEmpty ? previous : last.text
    guard !text.isEmpty else { return }
    let start = last.entry.map { $0 + 1 } ?? 0
    let found = find(text, from: start, skipping: last.entry.map { entries[$0] })
    steps.append(Step(text: text, entry: found ?? last.entry, failed: found == nil))
  }

  /// Backspace: back to the state before the last step (a character or a Ctrl-R).
  mutating func back() {
    if steps.count > 1 { steps.removeLast() }
  }
}

extension String {
  /// Where the last occurrence of `text` in this string starts, counted in Unicode scalars,
  /// comparing scalars exactly (no canonical equivalence), as Foundation's
  /// `range(of: text, options: [.backwards, .literal])` found it; `nil` when there is none, or
  /// when `text` is empty.
  /// - Complexity: O(n × m) for n and m bytes of UTF-8 (history entries are short).
  fileprivate func lastLiteralOccurrence(of text: String) -> Int? {
    let needle = Array(text.utf8)
    let bytes = Array(utf8)
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    // A match of valid UTF-8 starts on a scalar boundary, so bytes compare as scalars do.
    for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
    where bytes[start..<start + needle.count].elementsEqual(needle) {
      return bytes[..<start].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
    return nil
  }
}
