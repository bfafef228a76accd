import LinliKit
import LinliTestSupport
import SQLKit
import Testing

@Suite("Subtree filters as index ranges")
struct PathRangeTests {
    static let paths = ["/1/", "/1/2/", "/1/2/3/", "/1/2/39/", "/1/20/", "/1/20/3/", "/1/3/", "/10/", "/2/"]

    func within(_ path: String, _ database: Database) async throws -> [String] {
        try await database.read { tx in
            try await tx.sql.raw("SELECT path FROM path_range_probe WHERE " + tx.engine.pathWithin("path", path) + " ORDER BY path").all()
                .map { try $0.decode(column: "path", as: String.self) }
        }
    }

    @Test(arguments: TestEngine.all)
    func aSubtreeIsTheNodeAndWhatIsBelowItAndNeverASiblingWhoseIdStartsTheSame(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            try await system.database.write { tx in
                try await tx.sql.raw("CREATE TABLE path_range_probe (path TEXT NOT NULL)").run()
                for path in Self.paths { try await tx.sql.raw("INSERT INTO path_range_probe (path) VALUES (\(bind: path))").run() }
            }
            #expect(try await within("/1/2/", system.database) == ["/1/2/", "/1/2/3/", "/1/2/39/"])
            #expect(try await within("/1/", system.database) == ["/1/", "/1/2/", "/1/2/3/", "/1/2/39/", "/1/20/", "/1/20/3/", "/1/3/"])
            #expect(try await within("/1/2/3/", system.database) == ["/1/2/3/"])
            #expect(try await within("/", system.database) == Self.paths)
            #expect(try await within("/4/", system.database).isEmpty)
        }
    }
}
