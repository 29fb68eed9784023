import Engine
import Testing

@Suite struct JSONTextTests {
  @Test(arguments: [
    ("plain", #""plain""#), ("a\"b\\c", #""a\"b\\c""#),
    ("two\nlines\ttab\r", #""two\nlines\ttab\r""#),
    ("\u{1B}[31m", #""\u001b[31m""#), ("\u{202E}evil", #""\u202eevil""#), ("é界", #""é界""#),
  ])
  func quotesAsJSONWithControlCharactersEscaped(text: String, expected: String) {
    #expect(JSONText.quoted(text) == expected)
  }
}
