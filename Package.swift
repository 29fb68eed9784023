// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "evs",
  products: [
    .executable(name: "evs", targets: ["Workbench"]),
    .executable(name: "evs-bench", targets: ["EVSBench"]),
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(name: "Engine", dependencies: ["CZlib"]),
    .target(name: "DSL", dependencies: ["Engine"]),
    .executableTarget(
      name: "Workbench",
      dependencies: ["DSL", "Engine", "CEditLine"]
    ),
    .executableTarget(name: "EVSBench", dependencies: ["DSL", "Engine"]),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "EngineTests", dependencies: ["Engine", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "DSLTests", dependencies: ["DSL", "Engine", "TestSupport"]),
    .testTarget(
      name: "WorkbenchTests", dependencies: ["Workbench", "DSL", "Engine", "TestSupport"]),
  ]
)
