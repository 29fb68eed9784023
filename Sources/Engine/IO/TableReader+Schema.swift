import Foundation

extension TableReader {
  /// How many bytes `readSchema` reads unless told otherwise.
  public static let defaultSampleBytes = 64 << 10

  /// The header and the column types of the first rows of the file at `path`, from only
  /// its first `sampleBytes` bytes (more when the header alone is longer).
  ///
  /// The sample is cut after its last complete record, then read exactly as `read` reads
  /// a whole file, so names are made unique the same way. A gzip file is inflated only as
  /// far as the sample needs.
  /// - Parameters:
  ///   - path: The file to look at.
  ///   - options: Format, delimiter and header, as for `read`.
  ///   - sampleBytes: How much of the (uncompressed) text to read at first.
  /// - Returns: The columns with the types their sampled values have.
  /// - Throws: `LoadError` naming the file when it is missing, empty or malformed in the
  ///   sampled part.
  /// - Complexity: O(sampleBytes), independent of the file's size.
  public static func readSchema(
    path: String, options: LoadOptions = .init(), sampleBytes: Int = defaultSampleBytes
  ) throws(LoadError) -> SampledSchema {
    var limit = max(sampleBytes, 1 << 10)
    while true {
      let prefix = try FilePrefix.read(path, upTo: limit)
      let decoded = try decodedText(prefix.bytes, name: path).bytes
      let options = options.settlingFormat(from: decoded[...], path: path)
      let text = normalizedText(decoded, name: path, options: options).bytes
      if let end = completeRecords(of: text, wholeFile: prefix.isWholeFile) {
        let sample = Array(text[..<end])
        let loaded = try read(bytes: sample, name: path, options: options)
        let columns = zip(loaded.table.columnNames, loaded.table.columns).map { name, column in
          SampledSchema.Column(
            name: name, type: column.nullCount == column.count ? nil : column.type)
        }
        return SampledSchema(
          columns: columns, sampledRows: loaded.table.rowCount,
          isWholeFile: prefix.isWholeFile, format: options.resolvedFormat(for: path))
      }
      // Not even the first record fits: read more, up to a header of 64 MiB.
      guard limit < 64 << 20 else {
        throw .recordTooLarge(path: path, line: 1)
      }
      limit *= 4
    }
  }

  /// Where the sample's complete records end: after the last line feed outside quotes,
  /// or the whole input when it is the whole file. Nil when not one record is complete.
  private static func completeRecords(of bytes: [UInt8], wholeFile: Bool) -> Int? {
    if wholeFile { return bytes.count }
    var inside = false
    var lastEnd: Int?
    for (offset, byte) in bytes.enumerated() {
      if byte == UInt8(ascii: "\"") {
        inside.toggle()
      } else if byte == UInt8(ascii: "\n") && !inside {
        lastEnd = offset + 1
      }
    }
    return lastEnd
  }
}

/// The first bytes of a file, inflated when it is gzip data.
struct FilePrefix {
  var bytes: [UInt8]
  /// Whether `bytes` is everything the file holds.
  var isWholeFile: Bool

  /// At most `limit` bytes of the file's (uncompressed) text.
  /// - Throws: `LoadError.fileNotFound`, `.unreadable` or `.corruptCompression`.
  static func read(_ path: String, upTo limit: Int) throws(LoadError) -> FilePrefix {
    let (descriptor, _, isRegular) = try FileContents.openForReading(path)
    defer { close(descriptor) }
    if !isRegular { return try streamPrefix(descriptor, path: path, upTo: limit) }

    let raw = try readBytes(descriptor, count: limit + 1, path: path)
    if Gzip.isCompressed(raw) {
      return try inflatedPrefix(descriptor, first: raw, limit: limit, path: path)
    }
    return FilePrefix(bytes: Array(raw.prefix(limit)), isWholeFile: raw.count <= limit)
  }

  /// The prefix of a pipe or device, which is read whole and kept for the load that follows.
  private static func streamPrefix(_ descriptor: Int32, path: String, upTo limit: Int)
    throws(LoadError) -> FilePrefix
  {
    let bytes = try FileContents.readStream(descriptor, path: path)
    StreamStash.shared.keep(bytes, for: path)
    guard Gzip.isCompressed(bytes) else {
      return FilePrefix(bytes: Array(bytes.prefix(limit)), isWholeFile: bytes.count <= limit)
    }
    do {
      let result = try Gzip.decompressPrefix(bytes, limit: limit + 1)
      let isWhole = result.isComplete && result.bytes.count <= limit
      return FilePrefix(bytes: Array(result.bytes.prefix(limit)), isWholeFile: isWhole)
    } catch {
      throw .corruptCompression(path: path, reason: error.reason)
    }
  }

  /// Inflates compressed bytes, reading more of the file, until `limit` bytes of text
  /// are out or the file ends.
  private static func inflatedPrefix(
    _ descriptor: Int32, first: [UInt8], limit: Int, path: String
  ) throws(LoadError) -> FilePrefix {
    var compressed = first
    var fileEnded = first.count < limit + 1
    while true {
      let result: Gzip.Prefix
      do {
        result = try Gzip.decompressPrefix(compressed, limit: limit + 1)
      } catch {
        throw .corruptCompression(path: path, reason: error.reason)
      }
      if result.bytes.count > limit {
        return FilePrefix(bytes: Array(result.bytes.prefix(limit)), isWholeFile: false)
      }
      if fileEnded || compressed.count >= 64 << 20 {
        return FilePrefix(bytes: result.bytes, isWholeFile: fileEnded && result.isComplete)
      }
      let more = try readBytes(descriptor, count: compressed.count, path: path)
      fileEnded = more.count < compressed.count
      compressed += more
    }
  }

  /// Up to `count` bytes from the descriptor's current position.
  private static func readBytes(_ descriptor: Int32, count: Int, path: String)
    throws(LoadError) -> [UInt8]
  {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = 0
      while filled < count, let base = buffer.baseAddress {
        let received = Foundation.read(descriptor, base + filled, count - filled)
        if received < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if received == 0 { return }
        filled += received
      }
    }
    if failure != 0 { throw .unreadable(path: path, reason: SystemError.reason(failure)) }
    return bytes
  }
}
