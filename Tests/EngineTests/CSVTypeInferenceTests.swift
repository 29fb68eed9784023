import Engine
import Testing

@Suite("CSV reader: column types")
struct CSVTypeInferenceTests {
  @Test func wholeNumbersAreIntegers() throws {
    let table = try loadCSV("n\n1\n-20\n+3\n9223372036854775807\n").table

    #expect(table.cells("n") == [.int(1), .int(-20), .int(3), .int(.max)])
  }

  @Test func decimalsWidenAnIntegerColumnToFloat() throws {
    let table = try loadCSV("n\n1\n2\n2.5\n1e3\n").table

    #expect(table.cells("n") == [.float(1), .float(2), .float(2.5), .float(1000)])
  }

  @Test func integerTooLargeForInt64WidensToFloat() throws {
    let table = try loadCSV("n\n1\n99999999999999999999\n").table

    #expect(table.cells("n") == [.float(1), .float(1e20)])
  }

  @Test func floatsAreReadExactly() throws {
    let values = ["0.1", "-2.5e-3", ".5", "5.", "123456789.123456789", "1.7976931348623157e308"]
    let table = try loadCSV("x\n" + values.joined(separator: "\n") + "\n").table

    #expect(table.cells("x") == values.map { .float(Double($0)!) })
  }

  @Test func nanAndInfinityAreFloats() throws {
    let table = try loadCSV("x\n1.5\nnan\n-inf\ninf\n").table
    let cells = table.cells("x")

    #expect(cells[0] == .float(1.5))
    #expect(cells[1].doubleValue?.isNaN == true)
    #expect(cells[2] == .float(-.infinity))
    #expect(cells[3] == .float(.infinity))
  }

  @Test func textLateInALongColumnMakesItText() throws {
    var text = "Pid\n"
    for pid in 0..<1999 { text += "\(1000 + pid)\n" }
    text += "n/a\n"
    let column = try loadCSV(text).table.column("Pid")

    #expect(column.type == .string)
    #expect(column.nullCount == 0)
    #expect(column[0] == .string("1000"))
    #expect(column[1999] == .string("n/a"))
  }

  @Test func textLateInALargeChunkedInputMakesItText() throws {
    var text = "id,value\n"
    for row in 0..<120_000 { text += "\(row),\(row % 97)\n" }
    text += "120000,oops\n"
    let table = try loadCSV(text).table

    #expect(try table.column("id").type == .int)
    #expect(try table.column("value").type == .string)
    #expect(table.cells("value").last == .string("oops"))
  }

  @Test func chunksOfIntegersAndFloatsJoinAsFloats() throws {
    var text = "x\n"
    for row in 0..<150_000 { text += row < 140_000 ? "\(row)\n" : "\(row).5\n" }
    let cells = try loadCSV(text).table.cells("x")

    #expect(cells.first == .float(0))
    #expect(cells[139_999] == .float(139_999))
    #expect(cells.last == .float(149_999.5))
  }

  @Test(arguments: ["True,False", "true,false", "TRUE,FALSE"])
  func trueAndFalseMakeBooleanColumns(pair: String) throws {
    let words = pair.split(separator: ",")
    let table = try loadCSV("b\n\(words[0])\n\(words[1])\n\n").table

    #expect(table.cells("b") == [.bool(true), .bool(false)])
  }

  @Test func zeroAndOneStayIntegers() throws {
    #expect(try loadCSV("b\n0\n1\n").table.column("b").type == .int)
  }

  @Test func booleansNextToNumbersAreText() throws {
    #expect(try loadCSV("b\ntrue\n1\n").table.column("b").type == .string)
  }

  @Test func datesAndTimesAreTimestamps() throws {
    let text = "t\n2019-01-15 05:24:24.010\n2019-01-15T05:24:24Z\n7/8/2019 16:08\n"
    let table = try loadCSV(text).table

    #expect(
      table.cells("t") == [
        .timestamp(
          Timestamp.nanos(
            year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 24,
            nanosecond: 10_000_000)),
        .timestamp(Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 24)),
        .timestamp(Timestamp.nanos(year: 2019, month: 7, day: 8, hour: 16, minute: 8)),
      ])
  }

  @Test func hexIdentifiersStayText() throws {
    let table = try loadCSV("id\n0x3e7\n0x0\n").table

    #expect(table.cells("id") == [.string("0x3e7"), .string("0x0")])
  }

  @Test func emptyFieldsAreNullsInEveryType() throws {
    let text = "i,f,t,s\n1,1.5,2019-01-15,x\n,,,\n\"\",\"\",\"\",\"\"\n"
    let table = try loadCSV(text).table

    for name in ["i", "f", "t", "s"] {
      let column = try table.column(name)
      #expect(column.nullCount == 2, "column \(name)")
      #expect(column[1] == .null && column[2] == .null, "column \(name)")
    }
    #expect(table.schema.map(\.type) == [.int, .float, .timestamp, .string])
  }

  @Test func columnOfOnlyEmptyFieldsIsTextOfNulls() throws {
    let column = try loadCSV("a,b\n1,\n2,\n").table.column("b")

    #expect(column.type == .string)
    #expect(column.nullCount == 2)
  }

  @Test func quotedNumbersAreNumbers() throws {
    #expect(try loadCSV("n\n\"12\"\n\"-3\"\n").table.cells("n") == [.int(12), .int(-3)])
  }

  @Test(arguments: [" 12", "12 ", "1,2", "--1", "1e", "e5", "0x10", "1_000"])
  func malformedNumbersAreText(value: String) throws {
    let quoted = "\"" + value + "\""
    #expect(try loadCSV("n\n1\n\(quoted)\n").table.column("n").type == .string)
  }
}
