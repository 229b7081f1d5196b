// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableExperimentalFeature("StrictConcurrency"),
]

let package = Package(
    name: "Brief",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Brief", targets: ["Brief"]),
        .executable(name: "brief", targets: ["brief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Stable, unversioned names for the ICU 72 C API (ICU's own names are versioned macros).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Snowball stemmers from Debian's libstemmer-dev.
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // A C shim over CLD2's C++ API, linked with the full language tables.
        .target(
            name: "CCLD2",
            cxxSettings: [.unsafeFlags(["-I/usr/include/cld2/public", "-I/usr/include/cld2/internal"])],
            linkerSettings: [
                // The full tables must come first so their symbols win over libcld2's small default tables
                // (which call Hausa and Amharic English).
                .unsafeFlags(["-Xlinker", "--no-as-needed", "-lcld2_full", "-lcld2", "-Xlinker", "--as-needed"]),
            ]
        ),
        .target(
            name: "Brief",
            dependencies: [
                "CICU", "CStemmer", "CCLD2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "brief",
            dependencies: [
                "Brief",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Throughput and quality figures (Benchmarks/run.sh); not part of the product.
        .executableTarget(
            name: "brief-bench",
            dependencies: ["Brief"],
            path: "Benchmarks/BriefBench",
            swiftSettings: strict
        ),
        .testTarget(
            name: "BriefTests",
            dependencies: ["Brief", "brief"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    cxxLanguageStandard: .cxx14
)
