import Foundation

/// How much text an input may inflate to in memory before the reader gives up on it.
///
/// Compressed files and pipes are held whole while they are read, and the columns made
/// from them need about as much again; text larger than half the memory available now
/// would only end with the process killed.
enum MemoryBudget {
  /// The most bytes of text that one input may take in memory: half of what the system
  /// (or the process's control group) has available, at least 64 MiB.
  static var textLimit: Int {
    max(available() / 2, 64 << 20)
  }

  /// The bytes of memory available now: the kernel's estimate, bounded by the control
  /// group's limit when there is one; the physical memory where neither can be read.
  private static func available() -> Int {
    var estimate = meminfoAvailable() ?? Int(clamping: ProcessInfo.processInfo.physicalMemory)
    if let limit = number(in: "/sys/fs/cgroup/memory.max"),
      let used = number(in: "/sys/fs/cgroup/memory.current")
    {
      estimate = min(estimate, max(limit - used, 0))
    }
    return estimate
  }

  /// The `MemAvailable` line of `/proc/meminfo`, in bytes.
  private static func meminfoAvailable() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
      let fields = line.split(separator: " ")
      guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
      return kibibytes << 10
    }
    return nil
  }

  /// The whole number a one-line system file holds (`nil` for "max" or no file).
  private static func number(in path: String) -> Int? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
