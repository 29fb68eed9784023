extension Optional where Wrapped == NullMask {
  /// Whether the optional validity mask marks `row` null (no mask: nothing is null).
  @inline(__always)
  func marksNull(_ row: Int) -> Bool {
    guard let mask = self else { return false }
    return !mask.isValid(row)
  }
}
