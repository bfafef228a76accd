import Foundation
import LinliKit
import Regions
import Requests

/// A dozen requests in the demo's first grid, at every stage of the loop, so the queues,
/// the request pages and the resident's tracking page have something to show.
enum DemoRequests {
    static func load(into system: LinliSystem, households: [RegionNode]) async throws {
        let staff = try await actor(system, "sq.staff")
        let worker = try await actor(system, "wg.worker")
        let leader = try await actor(system, "wg.leader")
        let resident = try await actor(system, "jm.resident")
        let workerId = worker.userId!
        let r = system.requests
        func submit(_ code: String, _ text: String, _ household: Int, answers: Answers = [:], by: Actor? = nil) async throws -> Int64 {
            let item = try await system.catalog.item(code: code)
            let selfService = by?.role == .resident
            return try await r.submit(RequestDraft(itemId: item.id, description: text, answers: answers,
                                                   regionId: selfService ? nil : households[household].id, contactName: selfService ? nil : "来电居民",
                                                   phone: "1390000\(String(format: "%04d", household))", channel: selfService ? .selfService : .hotline),
                                      actor: by ?? staff).request.id
        }
        func dispatch(_ id: Int64) async throws {
            _ = try await r.act(id, .register(note: nil), actor: staff)
            _ = try await r.act(id, .dispatch(handler: workerId, coHandlers: [], note: nil), actor: staff)
        }
        // Waiting to be registered and dispatched.
        _ = try await submit("WX01", "2单元5楼楼道灯不亮，晚上上下楼看不见", 0, answers: ["floor": ["5"]], by: resident)
        _ = try await submit("HW01", "小区东门垃圾桶已经满了两天没人清运", 3)
        _ = try await submit("MD01", "楼上装修噪音很大，晚上九点以后还在施工", 5)
        _ = try await submit("YL05", "独居的李奶奶这几天没出门，电话也打不通，请去看看", 7)
        // With the grid worker.
        for (code, text, at) in [("WX05", "楼前下水道堵塞，污水漫到路面", 2), ("PA01", "3号楼楼道堆满纸箱，堵住消防通道", 4)] {
            try await dispatch(try await submit(code, text, at))
        }
        let working = try await submit("WX06", "单元门禁坏了，刷卡打不开", 6)
        try await dispatch(working)
        _ = try await r.act(working, .claim, actor: worker)
        // Reported, waiting for verification.
        let reported = try await submit("HW05", "楼道里有人堆放旧家具", 8)
        try await dispatch(reported)
        _ = try await r.act(reported, .claim, actor: worker)
        _ = try await r.act(reported, .report(result: "已联系住户清走旧家具，楼道已清理干净"), actor: worker)
        // Closed, waiting for the resident's rating (the demo resident's own).
        let closed = try await submit("WX03", "家里水压很低，洗澡水都上不去", 0, answers: ["urgency": ["较急"]], by: resident)
        try await dispatch(closed)
        _ = try await r.act(closed, .claim, actor: worker)
        _ = try await r.act(closed, .report(result: "楼顶二次供水泵故障，已联系物业更换，水压恢复"), actor: worker)
        _ = try await r.act(closed, .verifyPass(note: "已电话回访确认"), actor: leader)
        // Done and rated.
        let rated = try await submit("HW09", "有人遛狗不清理粪便", 9)
        try await dispatch(rated)
        _ = try await r.act(rated, .claim, actor: worker)
        _ = try await r.act(rated, .report(result: "已在小区张贴文明养犬提示，并与养犬户沟通"), actor: worker)
        _ = try await r.act(rated, .verifyPass(note: nil), actor: leader)
        _ = try await r.act(rated, .rate(score: 5, comment: "回访时居民表示满意"), actor: staff)
    }

    static func actor(_ system: LinliSystem, _ username: String) async throws -> Actor {
        system.auth.actor(for: try await system.accounts.account(username: username, actor: system.commandLineActor), ip: nil)
    }
}
