import Foundation
import LinliKit

/// A registered volunteer of the past with the service a paper ledger (or an older platform)
/// holds for them — for district-scale demo data and the benchmarks.
public struct HistoricVolunteer: Sendable {
    public let residentId: Int64
    public let skills: [String]
    public let availability: [String]
    public let approvedAt: Date
    public let services: [HistoricService]

    public init(residentId: Int64, skills: [String], availability: [String], approvedAt: Date, services: [HistoricService]) {
        self.residentId = residentId
        self.skills = skills
        self.availability = availability
        self.approvedAt = approvedAt
        self.services = services
    }
}

/// One service of a `HistoricVolunteer`, as a 台账 row states it.
public struct HistoricService: Sendable {
    public let date: String
    public let content: String
    public let place: String
    public let beneficiary: String
    public let minutes: Int64
    public let lead: String

    public init(date: String, content: String, place: String, beneficiary: String, minutes: Int64, lead: String) {
        self.date = date
        self.content = content
        self.place = place
        self.beneficiary = beneficiary
        self.minutes = minutes
        self.lead = lead
    }
}

extension VolunteerService {
    /// Stores many approved volunteers with their imported service records in one
    /// transaction of multi-row inserts, each volunteer's hours and stars summed from their
    /// records. The command line only (it bypasses registration and approval); every row
    /// passes the rules a registration and a ledger row pass, and one audit entry records the
    /// load. Returns how many volunteers and records were stored.
    @discardableResult
    public func bulkLoad(_ volunteers: [HistoricVolunteer], actor: Actor) async throws -> (volunteers: Int, records: Int) {
        try actor.require(.volunteerManage)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        guard !volunteers.isEmpty else { return (0, 0) }
        let people = try await residents.residents(ids: volunteers.map(\.residentId))
        let today = Self.dayText(clock.now().millis)
        var seen = Set<Int64>()
        for v in volunteers {
            guard people[v.residentId] != nil else { throw DomainError.invalid("residentId", "居民登记中没有编号 \(v.residentId) 的居民") }
            guard seen.insert(v.residentId).inserted else { throw DomainError.invalid("residentId", "居民 \(v.residentId) 在这批中出现了两次") }
            _ = try Self.checked { try VolunteerRules.check(.init(residentId: v.residentId, skills: v.skills, availability: v.availability,
                                                                  consent: true)) }
            if let bad = v.services.first(where: { !Self.acceptable($0, today: today) }) {
                throw DomainError.invalid("services", "服务记录（\(bad.date)，\(bad.minutes) 分钟）的日期、时长或文字不对")
            }
        }
        // Each volunteer's number carries their own district's code.
        var codes: [String: String] = [:]
        for person in people.values {
            let root = String(person.regionPath.split(separator: "/").first ?? "")
            if codes[root] == nil { codes[root] = try await districtCode(of: person.regionPath) }
        }
        let thresholds = settings.stars
        let now = clock.now().millis
        let recorder = (id: actor.userId, name: actor.displayName)
        let districtCodes = codes
        return try await database.bulkWrite { tx in
            if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE volunteers, service_records IN EXCLUSIVE MODE").run() }
            let already = try await tx.sql.raw("""
                SELECT resident_id FROM volunteers WHERE resident_id IN (\(binds: volunteers.map(\.residentId)))
                """).all().map { try $0.decode(column: "resident_id", as: Int64.self) }
            if let first = already.first { throw DomainError.invalid("residentId", "居民 \(first) 已登记为志愿者") }
            let firstVolunteer = try await Self.nextId(tx, "volunteers")
            let firstRecord = try await Self.nextId(tx, "service_records")
            var rows = BulkRows()
            for (offset, v) in volunteers.enumerated() {
                let person = people[v.residentId]!
                let id = firstVolunteer + Int64(offset)
                let minutes = v.services.reduce(Int64(0)) { $0 + $1.minutes }
                let stars = StarStanding.of(certifiedMinutes: Int(minutes), thresholds: thresholds).stars
                let approved = v.approvedAt.millis
                let code = districtCodes[String(person.regionPath.split(separator: "/").first ?? "")] ?? "000000"
                rows.volunteers.append([
                    .integer(id), .text(VolunteerRules.number(districtCode: code, id: id)), .integer(person.id), .text(person.name),
                    .integer(person.regionId), .text(person.regionPath), .text(VolunteerStatus.active.rawValue),
                    .text(v.availability.joined(separator: "、")), .integer(approved), .integer(approved), .integer(approved),
                    .integer(minutes), .integer(Int64(stars)), .integer(now)])
                var skills = Set<String>()
                for skill in v.skills where skills.insert(skill).inserted {
                    rows.skills.append([.integer(id), .text(skill), .text(person.regionPath)])
                }
                rows.grams += VolunteerStore.nameGrams(person.name, id: id)
                for s in v.services {
                    rows.records.append([
                        .integer(firstRecord + Int64(rows.records.count)), .integer(id), .text(s.content), .text("志愿者"), .text(s.date),
                        .text(s.place), .text(s.beneficiary), .text(s.content), .integer(s.minutes), .text(s.lead), SQLCell(recorder.id),
                        .text(recorder.name), .text(RecordSource.imported.rawValue), .integer(0), .integer(now)])
                }
            }
            try await tx.insert(into: "volunteers", columns: BulkRows.volunteerColumns, rows: rows.volunteers)
            try await tx.insert(into: "volunteer_skills", columns: ["volunteer_id", "skill", "region_path"], rows: rows.skills)
            try await tx.insert(into: "volunteer_name_grams", columns: ["gram", "volunteer_id"], rows: rows.grams)
            try await tx.insert(into: "service_records", columns: BulkRows.recordColumns, rows: rows.records)
            if tx.engine == .postgres {
                for table in ["volunteers", "service_records"] {
                    try await tx.sql.raw("SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'), (SELECT MAX(id) FROM \(unsafeRaw: table)))").run()
                }
            }
            try await audit.append(tx, actor: actor, action: .volunteerBulkLoad, entityId: "-", regionPath: nil,
                                   after: ["volunteers": String(rows.volunteers.count), "records": String(rows.records.count)])
            return (rows.volunteers.count, rows.records.count)
        }
    }

    /// As a 台账 row must be (`PaperLedger.rows`): a past day, 1 minute to 24 hours, the texts' lengths.
    private static func acceptable(_ s: HistoricService, today: String) -> Bool {
        PaperLedger.isDay(s.date) && s.date <= today && (1...1440).contains(s.minutes) && (1...200).contains(s.content.count)
            && s.place.count <= 60 && s.beneficiary.count <= 40 && s.lead.count <= 20
    }

    private static func nextId(_ tx: Tx, _ table: String) async throws -> Int64 {
        try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int64.self) + 1
    }

    private struct BulkRows {
        static let volunteerColumns = ["id", "number", "resident_id", "name", "region_id", "region_path", "status", "availability",
                                       "consent_at", "applied_at", "approved_at", "certified_minutes", "stars", "updated_at"]
        static let recordColumns = ["id", "volunteer_id", "activity_title", "role", "service_date", "place", "beneficiary", "content",
                                    "minutes", "lead", "recorder_id", "recorder", "source", "flagged", "recorded_at"]
        var volunteers: [[SQLCell]] = []
        var skills: [[SQLCell]] = []
        var grams: [[SQLCell]] = []
        var records: [[SQLCell]] = []
    }
}
