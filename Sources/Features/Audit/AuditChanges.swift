import Foundation

/// An entry's before and after as lines a person reads — 「名称：东关 → 东关街道」 — instead of
/// raw JSON. Values are what the feature recorded; field names get their Chinese words where
/// the trail uses them, and stay as they are otherwise.
enum AuditChanges {
    struct Change { let field: String, before: String?, after: String? }

    static let fieldWords: [String: String] = [
        "name": "名称", "code": "编码", "path": "路径", "parent": "上级", "segment": "编号", "role": "角色", "region": "区域",
        "regionId": "区域", "user": "账号", "username": "账号", "displayName": "姓名", "person": "人员", "duty": "职责", "phone": "电话",
        "idNumber": "身份证号", "reason": "原因", "note": "说明", "item": "事项", "channel": "渠道", "photos": "照片数",
        "anonymous": "匿名", "urgent": "紧急", "from": "开始", "to": "结束", "state": "状态", "handler": "主办", "score": "评分",
        "tags": "标签", "colour": "颜色", "description": "说明", "active": "启用", "disabled": "停用", "rows": "行数",
        "file": "文件", "format": "格式", "count": "条数", "limits": "时限（分钟）", "questions": "问题", "assignment": "分派规则",
        "handlerType": "承办类型", "categoryId": "类别", "sortOrder": "排序", "allowsAnonymous": "允许匿名", "remembered": "记住我",
        "fields": "字段", "kind": "类型", "token": "令牌", "days": "天数", "level": "级别",
    ]

    static func values(_ text: String?) -> [String: String]? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// The fields that changed (or were set, or removed), in a stable order; nil when either
    /// side is not a flat object of text (then the raw text is shown).
    static func lines(before: String?, after: String?) -> [Change]? {
        let old = values(before), new = values(after)
        if (before?.isEmpty == false && old == nil) || (after?.isEmpty == false && new == nil) { return nil }
        let keys = Set((old ?? [:]).keys).union((new ?? [:]).keys).sorted()
        return keys.compactMap { key in
            let a = old?[key], b = new?[key]
            if a == b, old != nil, new != nil { return nil }
            return Change(field: fieldWords[key] ?? key, before: a.map(readable), after: b.map(readable))
        }
    }

    static func readable(_ value: String) -> String {
        switch value {
        case "true": "是"
        case "false": "否"
        case "": "（空）"
        default: value
        }
    }
}
