// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "evs",
  products: [
    .executable(name: "evs", targets: ["Workbench"])
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "Engine"),
    .target(name: "DSL", dependencies: ["Engine"]),
    .executableTarget(
      name: "Workbench",
      dependencies: ["DSL", "Engine", "CEditLine"]
    ),
    .testTarget(name: "EngineTests", dependencies: ["Engine"], exclude: ["Golden"]),
    .testTarget(name: "DSLTests", dependencies: ["DSL", "Engine"]),
    .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "DSL", "Engine"]),
  ]
)
