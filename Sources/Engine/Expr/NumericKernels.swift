/// Column-at-a-time arithmetic and comparisons for numeric columns and literals.
enum NumericKernels {
  /// The fast path for numeric operands; nil when it does not apply.
  static func evaluate(_ op: BinaryOperator, _ a: Operand, _ b: Operand, rowCount: Int)
    -> Operand?
  {
    guard op.isComparison || op.isArithmetic,
      let x = NumericView(a), let y = NumericView(b), x.isColumn || y.isColumn
    else { return nil }
    let validity = mergedValidity(x.validity, y.validity, rowCount: rowCount)

    if op.isComparison {
      if x.isInteger, y.isInteger { return nil }
      var flags = [Bool](repeating: false, count: rowCount)
      for i in 0..<rowCount {
        let (p, q) = (x[i], y[i])
        flags[i] = op.holds(for: p < q ? -1 : (p > q ? 1 : 0))
      }
      return .column(Column(.bool(flags), validity: validity))
    }

    if x.isInteger, y.isInteger, op != .divide {
      return nil
    }
    var builder = ColumnBuilder(type: .float, capacity: rowCount)
    for i in 0..<rowCount {
      if let validity, !validity.isValid(i) {
        builder.appendNull()
      } else {
        builder.append(BinaryOperations.float(op, x[i], y[i]))
      }
    }
    return .column(builder.finish())
  }

  private static func mergedValidity(_ a: NullMask?, _ b: NullMask?, rowCount: Int) -> NullMask? {
    guard a != nil || b != nil else { return nil }
    var mask = NullMask(count: rowCount)
    for i in 0..<rowCount where !(a?.isValid(i) ?? true) || !(b?.isValid(i) ?? true) {
      mask.set(i, valid: false)
    }
    return mask
  }
}

/// A numeric operand read as Doubles, whether it is a column or a literal.
private struct NumericView {
  let ints: [Int64]?
  let floats: [Double]?
  let constant: Double
  let validity: NullMask?
  let isColumn: Bool
  let isInteger: Bool

  init?(_ operand: Operand) {
    switch operand {
    case .scalar(.int(let v)):
      (ints, floats, constant, validity, isColumn, isInteger) = (
        nil, nil, Double(v), nil, false, true
      )
    case .scalar(.float(let v)):
      (ints, floats, constant, validity, isColumn, isInteger) = (nil, nil, v, nil, false, false)
    case .column(let c):
      switch c.values {
      case .int(let v): (ints, floats, isInteger) = (v, nil, true)
      case .float(let v): (ints, floats, isInteger) = (nil, v, false)
      default: return nil
      }
      (constant, validity, isColumn) = (0, c.validity, true)
    default:
      return nil
    }
  }

  @inline(__always)
  subscript(i: Int) -> Double {
    if let ints { return Double(ints[i]) }
    if let floats { return floats[i] }
    return constant
  }
}
