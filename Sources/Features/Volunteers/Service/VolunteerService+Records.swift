import Foundation
import LinliKit

/// 服务记录 — certified by whoever organised the activity, appended only; a wrong one is
/// corrected by a new record that supersedes it. Stars follow from the current records.
extension VolunteerService {
    public struct Certification: Sendable {
        public let activity: Activity
        public let records: [ServiceRecord]
    }

    /// 认证时长: the finished activity's attended volunteers get one record each (hours from
    /// check-in to check-out within their slot), their stars are recomputed, and they are told.
    public func certify(activityId: Int64, rating: Int? = nil, actor: Actor) async throws -> Certification {
        let led = try await ledTeams(actor)
        if let rating, !(1...5).contains(rating) { throw DomainError.invalid("rating", "评价应为 1 到 5 星") }
        let now = clock.now()
        return try await database.write { tx in
            let activity = try await managedActivity(tx, activityId, actor: actor, ledTeams: led)
            guard let next = ActivityWorkflow.next(activity.state, .certify) else {
                throw DomainError(kind: .conflict, code: "bad_state", message: ActivityWorkflow.refusal(activity.state, .certify))
            }
            var total: Int64 = 0, count = 0
            var told: [(Int64?, Int64)] = []
            var earnings: [PointEarning] = []
            if activity.kind == .service {
                for signUp in try await SignUpStore.list(tx, activityId: activity.id) where signUp.attendance == .attended {
                    guard let volunteerId = signUp.volunteerId, let role = activity.roles.first(where: { $0.id == signUp.roleId }) else { continue }
                    guard let served = ServiceHours.served(
                        checkIn: signUp.checkedInAt.map(Date.init(millis:)), checkOut: signUp.checkedOutAt.map(Date.init(millis:)),
                        slotStart: Date(millis: role.startsAt), slotEnd: Date(millis: role.endsAt), defaultMinutes: role.defaultMinutes) else { continue }
                    let recordId = try await RecordStore.insert(tx, .init(
                        volunteerId: volunteerId, activityId: activity.id, signUpId: signUp.id, activityTitle: activity.title, role: role.name,
                        serviceDate: Self.dayText(role.startsAt), place: activity.placeName,
                        beneficiary: activity.beneficiary, content: activity.description.isEmpty ? activity.title : activity.description,
                        minutes: Int64(served.minutes), rating: rating, lead: activity.lead, recorderId: actor.userId, recorder: actor.displayName,
                        source: .activity, supersedes: nil, flagged: served.flagged), now: now.millis)
                    earnings.append(PointEarning(
                        .resident(signUp.residentId), deed: .service(minutes: Int64(served.minutes), category: role.qualification),
                        key: Self.awardKey(record: recordId),
                        memo: "「\(activity.title)」\(role.name) \(ServiceHours.text(minutes: Int64(served.minutes)))"))
                    try await restand(tx, volunteerId: volunteerId, now: now)
                    total += Int64(served.minutes)
                    count += 1
                    told.append((try await SignUpStore.userId(tx, signUpId: signUp.id), Int64(served.minutes)))
                }
            } else {
                // 参加活动: a resident activity earns each person who came, once per sign-up.
                for signUp in try await SignUpStore.list(tx, activityId: activity.id) where signUp.attendance == .attended {
                    earnings.append(PointEarning(.resident(signUp.residentId), deed: .activity, key: "activity_signup:\(signUp.id)",
                                                 memo: "参加「\(activity.title)」"))
                }
            }
            try await awards?.award(tx, earnings, actor: actor)
            try await ActivityStore.setState(tx, id: activity.id, state: next, now: now.millis)
            try await audit.append(tx, actor: actor, action: .recordCertify, entityId: String(activity.id), regionPath: activity.regionPath,
                                   before: ["state": activity.state.rawValue],
                                   after: ["state": next.rawValue, "records": String(count), "minutes": String(total)])
            for (user, minutes) in told {
                try await tell(tx, [user], title: "服务时长已认证：\(activity.title)", body: "本次认证 \(ServiceHours.text(minutes: minutes))。",
                               link: "/volunteer", event: "service_record.certified")
            }
            return Certification(activity: try await ActivityStore.find(tx, id: activity.id)!, records: try await RecordStore.records(tx, activityId: activity.id))
        }
    }

    /// The idempotency key of a record's points: one award per record, however often asked.
    static func awardKey(record id: Int64) -> String { "service_record:\(id)" }

    /// Stores the volunteer's certified minutes and stars as recomputed from the current records.
    func restand(_ tx: Tx, volunteerId: Int64, now: Date) async throws {
        // The volunteer's row lock first: two certifications at once each see the other's record.
        _ = try await VolunteerStore.find(tx, id: volunteerId, lock: true)
        let totals = try await RecordStore.totals(tx, volunteerId: volunteerId)
        let standing = StarStanding.of(certifiedMinutes: Int(totals.minutes), thresholds: settings.stars)
        try await VolunteerStore.setStanding(tx, id: volunteerId, minutes: totals.minutes, stars: standing.stars, now: now.millis)
    }

    /// The stars as the records give them now (to check the stored level against).
    public func recomputedStanding(volunteerId: Int64) async throws -> StarStanding {
        let totals = try await database.read { tx in try await RecordStore.totals(tx, volunteerId: volunteerId) }
        return StarStanding.of(certifiedMinutes: Int(totals.minutes), thresholds: settings.stars)
    }

    public struct MyVolunteering: Sendable {
        public let person: Person
        public let standing: StarStanding?
        public let records: [ServiceRecord]
        public let corrections: [Correction]
        public let certificates: [Certificate]
        public let teams: [VolunteerTeamMember]
    }

    /// A volunteer's own page: their registration, stars with progress, records (the trail
    /// included), corrections asked, certificates.
    public func mine(actor: Actor) async throws -> MyVolunteering {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        return try await volunteering(me)
    }

    /// The same for staff, for a volunteer in their area.
    public func profile(volunteerId: Int64, actor: Actor) async throws -> MyVolunteering {
        let volunteer = try await self.volunteer(volunteerId, actor: actor)
        guard let resident = try await residents.residents(ids: [volunteer.residentId])[volunteer.residentId] else { throw DomainError.notFound("居民") }
        return try await volunteering(try await person(resident))
    }

    func volunteering(_ me: Person) async throws -> MyVolunteering {
        guard let volunteer = me.volunteer else {
            return MyVolunteering(person: me, standing: nil, records: [], corrections: [], certificates: [], teams: [])
        }
        return try await database.read { tx in
            MyVolunteering(person: me, standing: StarStanding.of(certifiedMinutes: Int(volunteer.certifiedMinutes), thresholds: settings.stars),
                           records: try await RecordStore.records(tx, volunteerId: volunteer.id, limit: 200),
                           corrections: try await RecordStore.corrections(tx, volunteerId: volunteer.id),
                           certificates: try await RecordStore.certificates(tx, volunteerId: volunteer.id),
                           teams: try await VolunteerTeamStore.memberships(tx, volunteerId: volunteer.id))
        }
    }

    // MARK: Corrections

    /// 申请更正: the volunteer asks that their current record be corrected to these minutes.
    public func askCorrection(recordId: Int64, minutes: Int64, reason: String, actor: Actor) async throws -> Correction {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        guard !reason.isEmpty else { throw DomainError.invalid("reason", "请写明哪里不对") }
        guard (0...(24 * 60 * 7)).contains(minutes) else { throw DomainError.invalid("minutes", "更正后的时长应在 0 到 168 小时之间") }
        let now = clock.now().millis
        do {
            return try await database.write { tx in
                guard let record = try await RecordStore.find(tx, id: recordId), record.volunteerId == me.volunteer?.id else {
                    throw DomainError.notFound("服务记录")
                }
                guard record.supersededBy == nil else { throw DomainError.invalid("recordId", "这条记录已被更正，请对最新的记录申请") }
                guard minutes != record.minutes else { throw DomainError.invalid("minutes", "更正后的时长与现有记录相同") }
                let id = try await RecordStore.insertCorrection(tx, recordId: record.id, volunteerId: record.volunteerId, askedBy: actor.userId,
                                                                reason: reason, proposedMinutes: minutes, now: now)
                try await audit.append(tx, actor: actor, action: .correctionAsk, entityId: String(record.id), regionPath: me.resident.regionPath,
                                       before: ["minutes": String(record.minutes)], after: ["minutes": String(minutes), "reason": reason])
                return try await RecordStore.findCorrection(tx, id: id)!
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("recordId", "这条记录已有待处理的更正申请")
        }
    }

    /// Whether the actor decides on corrections of this record: the organiser of its activity,
    /// or for an imported record, staff who manage volunteers where the volunteer lives.
    func decides(_ tx: Tx, _ record: ServiceRecord, actor: Actor, ledTeams: Set<Int64>) async throws -> String {
        if let activityId = record.activityId {
            _ = try await managedActivity(tx, activityId, actor: actor, ledTeams: ledTeams)
            return try await ActivityStore.find(tx, id: activityId)!.regionPath
        }
        guard let volunteer = try await VolunteerStore.find(tx, id: record.volunteerId),
              actor.may(.volunteerManage), actor.scope.contains(path: volunteer.regionPath) else { throw DomainError.notFound("服务记录") }
        return volunteer.regionPath
    }

    /// 处理更正: accepted, a new record with the corrected minutes supersedes the old one (which
    /// stays readable in the trail); rejected, with a note. Both are audited and told.
    public func decideCorrection(correctionId: Int64, accept: Bool, minutes: Int64?, note: String?, actor: Actor) async throws -> Correction {
        let led = try await ledTeams(actor)
        guard actor.may(.activityManage) || actor.may(.volunteerManage) || !led.isEmpty else { throw DomainError.forbidden }
        if !accept && (note ?? "").isEmpty { throw DomainError.invalid("note", "不予更正请写明理由") }
        let now = clock.now()
        return try await database.write { tx in
            try await RecordStore.lockCorrection(tx, id: correctionId)
            guard let correction = try await RecordStore.findCorrection(tx, id: correctionId),
                  let record = try await RecordStore.find(tx, id: correction.recordId) else { throw DomainError.notFound("更正申请") }
            let path = try await decides(tx, record, actor: actor, ledTeams: led)
            guard correction.state == .pending else { throw DomainError(kind: .conflict, code: "decided", message: "这份更正申请已处理") }
            var newId: Int64?
            let corrected = minutes ?? correction.proposedMinutes
            if accept {
                guard (0...(24 * 60 * 7)).contains(corrected) else { throw DomainError.invalid("minutes", "时长应在 0 到 168 小时之间") }
                newId = try await RecordStore.insert(tx, .init(
                    volunteerId: record.volunteerId, activityId: record.activityId, signUpId: nil, activityTitle: record.activityTitle,
                    role: record.role, serviceDate: record.serviceDate, place: record.place, beneficiary: record.beneficiary,
                    content: record.content, minutes: corrected, rating: record.rating, lead: record.lead, recorderId: actor.userId,
                    recorder: actor.displayName, source: .correction, supersedes: record.id, flagged: false), now: now.millis)
                try await restand(tx, volunteerId: record.volunteerId, now: now)
                // The new record's points replace the old one's (reversed, and out of the caps);
                // a record that earned nothing (imported, or from before the points bank) still earns nothing.
                if let awards, let volunteer = try await VolunteerStore.find(tx, id: record.volunteerId) {
                    let category = try await ActivityStore.find(tx, id: record.activityId ?? 0)?.roles.first { $0.name == record.role }?.qualification
                    try await awards.award(tx, [PointEarning(.resident(volunteer.residentId), deed: .service(minutes: corrected, category: category),
                                                             key: Self.awardKey(record: newId!),
                                                             memo: "「\(record.activityTitle)」更正为 \(ServiceHours.text(minutes: corrected))",
                                                             supersedes: Self.awardKey(record: record.id))], actor: actor)
                }
            }
            try await RecordStore.decide(tx, id: correction.id, state: accept ? .accepted : .rejected, note: note, newRecordId: newId,
                                         by: actor.userId, now: now.millis)
            try await audit.append(tx, actor: actor, action: .correctionDecide, entityId: String(record.id), regionPath: path,
                                   before: ["minutes": String(record.minutes)],
                                   after: ["decision": accept ? "accepted" : "rejected", "minutes": String(accept ? corrected : record.minutes),
                                           "record": newId.map(String.init) ?? "", "note": note ?? ""])
            if let volunteer = try await VolunteerStore.find(tx, id: record.volunteerId) {
                try await tell(tx, [volunteer.userId], title: accept ? "服务记录已更正" : "服务记录未更正",
                               body: accept ? "「\(record.activityTitle)」的时长更正为 \(ServiceHours.text(minutes: corrected))。"
                                            : "「\(record.activityTitle)」的更正申请未通过：\(note ?? "")",
                               link: "/volunteer", event: "service_record.corrected")
            }
            return try await RecordStore.findCorrection(tx, id: correction.id)!
        }
    }

    /// Corrections waiting for the actor's decision.
    public func pendingCorrections(actor: Actor, limit: Int = 50) async throws -> [Correction] {
        guard actor.may(.activityManage) || actor.may(.volunteerManage) else { return [] }
        return try await database.read { tx in try await RecordStore.pendingCorrections(tx, within: actor.scope.path, limit: limit) }
    }
}

extension VolunteerService {
    /// An activity's records, for whoever organises it.
    public func records(activityId: Int64, actor: Actor) async throws -> [ServiceRecord] {
        let led = try await ledTeams(actor)
        try Self.organises(actor, ledTeams: led)
        return try await database.read { tx in
            guard let activity = try await ActivityStore.find(tx, id: activityId), mayManage(activity, actor: actor, ledTeams: led) else {
                throw DomainError.notFound("活动")
            }
            return try await RecordStore.records(tx, activityId: activityId)
        }
    }
}

extension VolunteerService {
    /// 导入纸质台账: every row becomes a record of the volunteer it names (by volunteer number,
    /// in the actor's area), in one transaction — or, if any row is wrong, none does and every
    /// wrong row is named.
    public func importRecords(_ rows: [PaperLedger.Row], actor: Actor) async throws -> Int {
        try actor.require(.volunteerManage)
        let now = clock.now()
        return try await database.write { tx in
            var errors: [Int: String] = [:]
            var byNumber: [String: Volunteer] = [:]
            for row in rows where byNumber[row.volunteerNumber] == nil {
                if let v = try await VolunteerStore.find(tx, number: row.volunteerNumber), actor.scope.contains(path: v.regionPath) {
                    byNumber[row.volunteerNumber] = v
                }
            }
            for row in rows where byNumber[row.volunteerNumber] == nil { errors[row.line] = "辖区内没有编号为 \(row.volunteerNumber) 的志愿者" }
            // A ledger brought in twice would count its hours twice: a row already imported is refused.
            for row in rows {
                guard errors[row.line] == nil, let v = byNumber[row.volunteerNumber] else { continue }
                if try await RecordStore.imported(tx, volunteerId: v.id, date: row.serviceDate, content: row.content, minutes: row.minutes) {
                    errors[row.line] = "与已导入的记录相同（\(row.serviceDate) \(row.content)），请勿重复导入"
                }
            }
            if !errors.isEmpty { throw DomainError(kind: .invalid, code: "invalid_rows", message: LedgerErrors(rows: errors).message) }
            var touched = Set<Int64>()
            for row in rows {
                guard let v = byNumber[row.volunteerNumber] else { continue }
                _ = try await RecordStore.insert(tx, .init(
                    volunteerId: v.id, activityId: nil, signUpId: nil, activityTitle: row.content, role: "志愿者", serviceDate: row.serviceDate,
                    place: row.place, beneficiary: row.beneficiary, content: row.content, minutes: row.minutes, rating: nil, lead: row.lead,
                    recorderId: actor.userId, recorder: actor.displayName, source: .imported, supersedes: nil, flagged: false), now: now.millis)
                touched.insert(v.id)
            }
            for id in touched { try await restand(tx, volunteerId: id, now: now) }
            try await audit.append(tx, actor: actor, action: .recordImport, entityId: "ledger", regionPath: actor.scope.path,
                                   after: ["rows": String(rows.count), "volunteers": String(touched.count),
                                           "minutes": String(rows.reduce(0) { $0 + $1.minutes })])
            return rows.count
        }
    }

    /// A copy of the service whose "now" is `clock`'s: the demo drives past activities through
    /// the real rules with it.
    public func at(_ clock: any Clock) -> VolunteerService {
        var copy = self
        copy.clock = clock
        return copy
    }
}

extension VolunteerService {
    /// Reads a paper ledger's sheet and imports it, all or nothing.
    public func importLedger(_ table: SheetTable, actor: Actor) async throws -> Int {
        try actor.require(.volunteerManage)
        switch PaperLedger.rows(header: table.header, cells: table.rows, lines: table.rowNumber, today: Self.dayText(clock.now().millis)) {
        case .failure(let errors): throw DomainError(kind: .invalid, code: "invalid_rows", message: errors.message)
        case .success(let rows): return try await importRecords(rows, actor: actor)
        }
    }
}
