import LinliKit
import Testing

@Suite("Audit hash chain (pure)")
struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var previous = AuditRecord.genesisHash
        for seq in 1...Int64(count) {
            let hash = AuditRecord.computeHash(seq: seq, at: 1000 * seq, actorId: 1, actorName: "a", ip: nil, action: "x.update",
                                               entityType: "x", entityId: "\(seq)", regionPath: "/1/", before: nil,
                                               after: #"{"v":"\#(seq)"}"#, prevHash: previous)
            records.append(AuditRecord(seq: seq, at: 1000 * seq, actorId: 1, actorName: "a", ip: nil, action: "x.update",
                                       entityType: "x", entityId: "\(seq)", regionPath: "/1/", before: nil,
                                       after: #"{"v":"\#(seq)"}"#, prevHash: previous, hash: hash))
            previous = hash
        }
        return records
    }

    static func walk(_ records: [AuditRecord], headSeq: Int64, headHash: String) -> AuditChainFinding {
        var walker = AuditChainWalker()
        for record in records {
            if let finding = walker.check(record) { return finding }
        }
        return walker.finish(headSeq: headSeq, headHash: headHash)
    }

    @Test func anIntactChainVerifies() {
        let records = Self.chain(5)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash) == .intact(rows: 5))
    }

    @Test func anEditedRowIsNamed() {
        var records = Self.chain(5)
        let r = records[2]
        records[2] = AuditRecord(seq: r.seq, at: r.at, actorId: r.actorId, actorName: "mallory", ip: r.ip, action: r.action,
                                 entityType: r.entityType, entityId: r.entityId, regionPath: r.regionPath, before: r.before,
                                 after: r.after, prevHash: r.prevHash, hash: r.hash)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash) == .altered(seq: 3))
    }

    @Test func anEditedRowWithARecomputedHashIsStillCaughtByItsSuccessor() {
        var records = Self.chain(5)
        let r = records[1]
        let forged = AuditRecord.computeHash(seq: r.seq, at: r.at, actorId: r.actorId, actorName: r.actorName, ip: r.ip,
                                             action: "x.delete", entityType: r.entityType, entityId: r.entityId,
                                             regionPath: r.regionPath, before: r.before, after: r.after, prevHash: r.prevHash)
        records[1] = AuditRecord(seq: r.seq, at: r.at, actorId: r.actorId, actorName: r.actorName, ip: r.ip, action: "x.delete",
                                 entityType: r.entityType, entityId: r.entityId, regionPath: r.regionPath, before: r.before,
                                 after: r.after, prevHash: r.prevHash, hash: forged)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash) == .altered(seq: 2))
    }

    @Test func aRemovedRowIsNamed() {
        var records = Self.chain(5)
        records.remove(at: 3)
        #expect(Self.walk(records, headSeq: 5, headHash: Self.chain(5)[4].hash) == .missing(seq: 4))
    }

    @Test func rowsCutFromTheEndAreNoticedByTheHead() {
        let records = Self.chain(5)
        #expect(Self.walk(Array(records.prefix(3)), headSeq: 5, headHash: records[4].hash) == .truncated(after: 3))
    }
}
