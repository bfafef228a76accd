// swift-tools-version:6.0
import PackageDescription

/// One target per feature; the compiler enforces which way dependencies point:
/// linli → LinliServer → Features → LinliKit.
let kernel: [Target.Dependency] = ["LinliKit"]

let package = Package(
    name: "linli",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "linli", targets: ["linli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.20.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
    ],
    targets: [
        // Shared kernel: database, migrations, actors and scope, audit chain, HTTP plumbing.
        // zlib, for reading zip archives without ZIPFoundation (which loops on a damaged stream).
        .systemLibrary(name: "LinliZlib", path: "Sources/LinliZlib"),
        .target(name: "LinliKit", dependencies: [
            "LinliZlib",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Features: each registers itself through its manifest (Feature.swift).
        .target(name: "Audit", dependencies: kernel, path: "Sources/Features/Audit"),
        .target(name: "Regions", dependencies: kernel, path: "Sources/Features/Regions"),
        .target(name: "Accounts", dependencies: kernel + ["Regions"], path: "Sources/Features/Accounts"),
        .target(name: "Residents", dependencies: kernel + ["Regions"], path: "Sources/Features/Residents"),
        .target(name: "Notifications", dependencies: kernel + [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOExtras", package: "swift-nio-extras"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], path: "Sources/Features/Notifications"),
        .target(name: "Duty", dependencies: kernel + ["Regions"], path: "Sources/Features/Duty"),
        .target(name: "Volunteers", dependencies: kernel + ["Regions", "Residents", "Notifications",
                                                            .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/Features/Volunteers"),
        .target(name: "Requests", dependencies: kernel + ["Regions", "Residents", "Notifications", "Duty"], path: "Sources/Features/Requests"),
        .target(name: "Points", dependencies: kernel + ["Regions", "Residents", "Notifications"], path: "Sources/Features/Points"),
        .target(name: "GridWork", dependencies: kernel + ["Regions", "Residents", "Notifications", "Requests"],
                path: "Sources/Features/GridWork"),
        // 五社资源: social organisations, social workers, charity resources, matching (issue 21; domain first).
        .target(name: "Resources", dependencies: kernel + ["Regions", "Residents", "Requests", "Volunteers"], path: "Sources/Features/Resources"),
        // Composition root.
        .target(name: "LinliServer", dependencies: kernel + [
            "Audit", "Regions", "Accounts", "Residents", "Notifications", "Duty", "Points", "Requests", "Volunteers", "GridWork", "Resources",
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "linli", dependencies: [
            "LinliServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [.swiftLanguageMode(.v5)]),  // only for C's `stdout` in main(); all logic lives in LinliServer
        // Test support: runs one suite on SQLite and on PostgreSQL.
        .target(name: "LinliTestSupport", dependencies: ["LinliServer", .product(name: "HummingbirdTesting", package: "hummingbird")],
                path: "Tests/Support"),
        .testTarget(name: "KernelTests", dependencies: ["LinliTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "RegionsTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "AccountsTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "ResidentsTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "RequestsDomainTests", dependencies: ["Requests"]),
        .testTarget(name: "VolunteersDomainTests", dependencies: ["Volunteers", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "PointsDomainTests", dependencies: ["Points", "LinliKit"]),
        .testTarget(name: "NotificationsTests", dependencies: ["LinliTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "RequestsTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "VolunteersTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "PointsTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "GridWorkDomainTests", dependencies: ["GridWork", "LinliKit"]),
        .testTarget(name: "ResourcesDomainTests", dependencies: ["Resources", "LinliKit"]),
        .testTarget(name: "ResourcesTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "GridWorkTests", dependencies: ["LinliTestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["LinliTestSupport"]),
    ]
)
