import Foundation

/// The system's wording for an `errno` value, for error messages.
enum SystemError {
  /// `strerror`'s text in lower case, such as "permission denied".
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
