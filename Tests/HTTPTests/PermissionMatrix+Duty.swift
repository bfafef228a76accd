import Duty
import Foundation
import LinliKit
import LinliTestSupport

extension PermissionMatrixTests {
    /// A shift for a person of the role's community (inside) or the foreign one (outside).
    static func shift(_ s: Subjects, _ role: Role, _ inside: Bool) async throws -> Int64? {
        guard let place = s.community(role, inside) else { return nil }
        let person = try await s.person(.communityStaff, at: place)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        return try await s.system.duty.addShifts(ShiftDraft(regionId: place.id, userId: person.id, startsAt: start,
                                                            endsAt: start.addingTimeInterval(3600)), actor: s.cli).first?.id
    }

    static func shiftFields(_ s: Subjects, _ role: Role, _ inside: Bool) async throws -> [(String, String)]? {
        guard let place = s.community(role, inside) else { return nil }
        let person = try await s.person(.communityStaff, at: place)
        return [("regionId", String(place.id)), ("userId", String(person.id)), ("startsAt", "2026-12-01T17:30"), ("endsAt", "2026-12-02T08:30")]
    }

    static let dutyCases: [String: Case] = [
        "GET /duty": Case(.permission(.dutyView, success: 200, outside: 422)) { s, role, inside in
            s.community(role, inside).map { Request(uri: "/duty?regionId=\($0.id)") }
        },
        "POST /duty/phone": Case(.permission(.dutyManage, success: 303, outside: 422)) { s, role, inside in
            s.community(role, inside).map { Request(uri: "/duty/phone", form: [("regionId", String($0.id)), ("phone", "029-88886666")]) }
        },
        "POST /duty/shifts": Case(.permission(.dutyManage, success: 303, outside: 422)) { s, role, inside in
            try await shiftFields(s, role, inside).map { Request(uri: "/duty/shifts", form: $0) }
        },
        "POST /duty/shifts/{id}/cancel": Case(.permission(.dutyManage, success: 303)) { s, role, inside in
            try await shift(s, role, inside).map { Request(uri: "/duty/shifts/\($0)/cancel") }
        },
        "GET /api/v1/duty/places": Case(.permission(.dutyView, success: 200), uri: "/api/v1/duty/places"),
        "GET /api/v1/duty/roster": Case(.permission(.dutyView, success: 200, outside: 422)) { s, role, inside in
            s.community(role, inside).map { Request(uri: "/api/v1/duty/roster?regionId=\($0.id)") }
        },
        "PUT /api/v1/duty/phone": Case(.permission(.dutyManage, success: 200, outside: 422)) { s, role, inside in
            s.community(role, inside).map { Request(uri: "/api/v1/duty/phone", json: #"{"regionId":\#($0.id),"phone":"029-88886666"}"#) }
        },
        "POST /api/v1/duty/shifts": Case(.permission(.dutyManage, success: 201, outside: 422)) { s, role, inside in
            try await shiftFields(s, role, inside).map { fields in
                Request(uri: "/api/v1/duty/shifts", json: "{" + fields.map { name, value in
                    name.hasSuffix("Id") ? "\"\(name)\":\(value)" : "\"\(name)\":\"\(value)\""
                }.joined(separator: ",") + "}")
            }
        },
        "POST /api/v1/duty/shifts/{id}/cancel": Case(.permission(.dutyManage, success: 200)) { s, role, inside in
            try await shift(s, role, inside).map { Request(uri: "/api/v1/duty/shifts/\($0)/cancel") }
        },
    ]
}
