import Engine
import Testing

/// `kv(text, key)`: picking one field out of audit records and similar text.
@Suite("kv() on key=value text")
struct KeyValueFunctionTests {
  /// `kv(Text, key)` evaluated over one row holding `text`.
  private func kv(_ text: String?, _ key: String) throws -> Value {
    let column = Column(type: .string, cells: [text.map { .string($0) } ?? .null])
    var evaluator = ExpressionEvaluator(table: Table(columnNames: ["Text"], columns: [column]))
    let result = try evaluator.evaluate(.call("kv", [.column("Text"), .literal(.string(key))]))
    return result[0]
  }

  static let auditRecord =
    #"type=AUOMS_EXECVE ses="-1" comm="bash" exe="/bin/bash" key=auoms,delete "#
    + #"path_name=["/bin/bash"] auid=4294967295 uid=1001 "#
    + #"cmdline="bash -c "{echo,YmFz}|{base64,-d}|{bash,-i}"" redactors= containerid="#

  static let logAnalyticsList =
    #"[{'USER_END': ['pid=28056', 'uid=0', 'ses=4294967295', "msg='op=PAM:session_close", "#
    + #"'acct="root"', 'exe="/usr/bin/sudo"', 'hostname=?', "res=success'"]}]"#

  @Test(
    arguments: [
      (auditRecord, "exe", "/bin/bash"),
      (auditRecord, "ses", "-1"),
      (auditRecord, "key", "auoms,delete"),
      (auditRecord, "uid", "1001"),
      (auditRecord, "name", nil),
      (auditRecord, "cmdline", #"bash -c "{echo,YmFz}|{base64,-d}|{bash,-i}""#),
      (auditRecord, "redactors", ""),
      (auditRecord, "containerid", ""),
      (auditRecord, "missing", nil),
      (logAnalyticsList, "pid", "28056"),
      (logAnalyticsList, "exe", "/usr/bin/sudo"),
      (logAnalyticsList, "acct", "root"),
      (logAnalyticsList, "op", "PAM:session_close"),
      (logAnalyticsList, "hostname", "?"),
      (logAnalyticsList, "res", "success"),
      ("user=root, pid=5; tty=pts/0", "user", "root"),
      ("user=root, pid=5; tty=pts/0", "pid", "5"),
      ("a='x y' b=2", "a", "x y"),
      ("a=\"unclosed b=2", "a", "unclosed b=2"),
    ] as [(String, String, String?)])
  func findsTheValueOfTheFirstFieldWithTheKey(text: String, key: String, value: String?) throws {
    #expect(try kv(text, key) == (value.map { .string($0) } ?? .null))
  }

  @Test func aNullTextOrAnEmptyKeyGivesNull() throws {
    #expect(try kv(nil, "exe") == .null)
    #expect(try kv("exe=x", "") == .null)
  }

  @Test func kvIsAStringFunctionOfTwoStrings() {
    #expect(FunctionLibrary.names.contains("kv"))
    var evaluator = ExpressionEvaluator(table: Table())
    #expect(throws: ExpressionError.self) {
      try evaluator.evaluate(.call("kv", [.literal(.string("a=1"))]))
    }
  }
}
