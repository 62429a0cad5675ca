import CZip

#if canImport(Glibc)
  import Glibc
#endif

/// The zip container of an XLSX workbook or a DOCX document (ECMA-376 Part 2, Open Packaging
/// Conventions), made in memory by libzip: parts are added by name, then ``bytes()`` gives the
/// archive. Entries are deflated and dated 2025-01-01 00:00 UTC, so the same parts give the same
/// bytes.
///
/// A part is copied once, into memory libzip frees when the archive is written, so the caller's
/// buffer can go at once (a workbook's sheets are not all held twice).
struct ZipContainer {
  private var parts: [(name: String, data: UnsafeMutableRawBufferPointer)] = []

  /// A failure of libzip (in memory, only a lack of memory), with its message.
  struct Failure: Error {
    var message: String
  }

  /// Adds a part, last or at `position` (the package's `[Content_Types].xml` comes first, where
  /// tools such as file(1) look for it).
  mutating func add(_ name: String, _ data: [UInt8], at position: Int? = nil) {
    // malloc'd: libzip frees it with free(3).
    let copy = UnsafeMutableRawBufferPointer(start: malloc(max(1, data.count))!, count: data.count)
    data.withUnsafeBytes { copy.copyMemory(from: $0) }
    parts.insert((name, copy), at: position ?? parts.count)
  }

  mutating func add(_ name: String, _ xml: XMLBuffer, at position: Int? = nil) { add(name, xml.bytes, at: position) }

  /// The zip archive.
  /// - Throws: ``Failure`` when libzip cannot make it.
  /// - Note: Consumes the parts: call it once.
  func bytes() throws(Failure) -> [UInt8] {
    // Parts not yet handed to libzip when something fails are freed here.
    var handed = 0
    defer { for part in parts[handed...] { free(part.data.baseAddress) } }
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let source = zip_source_buffer_create(nil, 0, 0, &error) else { throw Self.failure(&error) }
    guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
      zip_source_free(source)
      throw Self.failure(&error)
    }
    // The archive is written into `source`, which must outlive `zip_close`.
    zip_source_keep(source)
    defer { zip_source_free(source) }
    for part in parts {
      // libzip frees the copy once the archive is written (`freep` 1).
      guard let data = zip_source_buffer(archive, part.data.baseAddress, zip_uint64_t(part.data.count), 1) else {
        defer { zip_discard(archive) }
        throw Self.failure(zip_get_error(archive))
      }
      handed += 1
      let index = zip_file_add(archive, part.name, data, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
      guard index >= 0 else {
        zip_source_free(data)
        defer { zip_discard(archive) }
        throw Self.failure(zip_get_error(archive))
      }
      zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0)
      zip_file_set_mtime(archive, zip_uint64_t(index), Self.date, 0)
    }
    guard zip_close(archive) == 0 else {
      defer { zip_discard(archive) }
      throw Self.failure(zip_get_error(archive))
    }
    guard zip_source_open(source) == 0 else { throw Self.failure(zip_source_error(source)) }
    defer { zip_source_close(source) }
    var stat = zip_stat_t()
    zip_stat_init(&stat)
    guard zip_source_stat(source, &stat) == 0 else { throw Self.failure(zip_source_error(source)) }
    var out = [UInt8](repeating: 0, count: Int(stat.size))
    let read = out.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t($0.count)) }
    guard read == Int64(out.count) else { throw Self.failure(zip_source_error(source)) }
    return out
  }

  /// 2025-01-01 00:00:00 UTC.
  private static let date: time_t = 1_735_689_600

  private static func failure(_ error: UnsafeMutablePointer<zip_error_t>?) -> Failure {
    guard let error, let text = zip_error_strerror(error) else { return Failure(message: "libzip failed") }
    return Failure(message: String(cString: text))
  }
}
