/// The catalog a new installation starts with (zh-CN, as data). Admins change it in the
/// console; codes stay stable because Open311 clients and reports refer to them.
public enum DefaultCatalog {
    public struct Item: Sendable {
        public let code: String, name: String, description: String
        public let handler: HandlerType
        public let assignment: AssignmentRule
        public let limits: StageLimits
        public let questions: [CatalogQuestion]
        public let allowsAnonymous: Bool
        /// 紧急事项 (`CatalogItem.urgent`).
        public var urgent = false
    }

    public struct Category: Sendable {
        public let code: String, name: String, description: String
        public let items: [Item]
    }

    // Question shorthands.
    static func text(_ code: String, _ label: String, required: Bool = false) -> CatalogQuestion {
        CatalogQuestion(code: code, label: label, kind: .text, required: required)
    }
    static func number(_ code: String, _ label: String, required: Bool = false) -> CatalogQuestion {
        CatalogQuestion(code: code, label: label, kind: .number, required: required)
    }
    static func date(_ code: String, _ label: String, required: Bool = false) -> CatalogQuestion {
        CatalogQuestion(code: code, label: label, kind: .date, required: required)
    }
    static func one(_ code: String, _ label: String, _ choices: [String], required: Bool = true) -> CatalogQuestion {
        CatalogQuestion(code: code, label: label, kind: .singleChoice, required: required, choices: choices)
    }
    static func many(_ code: String, _ label: String, _ choices: [String], required: Bool = false) -> CatalogQuestion {
        CatalogQuestion(code: code, label: label, kind: .multipleChoice, required: required, choices: choices)
    }

    static let preferredTime = date("preferred_date", "希望上门日期")
    /// Answered 紧急, the request is urgent (`EmergencyRules`).
    static let urgency = CatalogQuestion(code: "urgency", label: "紧急程度", kind: .singleChoice, required: true,
                                         choices: ["一般", "较急", "紧急"], urgentChoices: ["紧急"])

    static func item(_ code: String, _ name: String, _ description: String, _ handler: HandlerType,
                     _ assignment: AssignmentRule = .grid, hours: (Int, Int, Int) = (2, 40, 8),
                     _ questions: [CatalogQuestion] = [], anonymous: Bool = false) -> Item {
        Item(code: code, name: name, description: description, handler: handler, assignment: assignment,
             limits: .hours(hours.0, hours.1, hours.2), questions: questions, allowsAnonymous: anonymous)
    }

    static func item(_ code: String, _ name: String, _ description: String, _ handler: HandlerType,
                     hours: (Int, Int, Int) = (2, 40, 8), _ questions: [CatalogQuestion], anonymous: Bool = false) -> Item {
        item(code, name, description, handler, .grid, hours: hours, questions, anonymous: anonymous)
    }

    /// The items marked 紧急事项 out of the box: a fall or sudden illness of an old person, a gas smell.
    public static var urgentCodes: [String] { categories.flatMap(\.items).filter(\.urgent).map(\.code) }

    public static let categories: [Category] = [
        Category(code: "YL", name: "养老服务", description: "居家养老、助餐助浴、探访关爱等为老服务", items: [
            item("YL01", "助餐服务", "社区长者食堂就餐或送餐上门", .socialOrganization, .thematic(tag: "独居老人"), hours: (2, 24, 8),
                 [one("meal", "餐次", ["午餐", "晚餐", "午餐和晚餐"]), one("delivery", "就餐方式", ["堂食", "送餐上门"])]),
            item("YL02", "助浴服务", "上门或到站助浴", .socialOrganization, .thematic(tag: "独居老人"), [preferredTime]),
            item("YL03", "助洁服务", "居室清洁、衣物清洗", .volunteerTeam, .thematic(tag: "独居老人"), [preferredTime]),
            item("YL04", "助医陪诊", "陪同就医、代取药品", .volunteerTeam, .thematic(tag: "独居老人"),
                 [text("hospital", "就诊医院"), date("visit_date", "就诊日期", required: true)]),
            item("YL05", "独居老人探访", "定期上门探视、电话问候", .gridWorker, .thematic(tag: "独居老人"), hours: (2, 24, 8)),
            item("YL06", "紧急呼叫响应", "老人突发情况需要有人上门", .gridWorker, .grid, hours: (1, 4, 4), [urgency]).urgently,
            item("YL07", "适老化改造", "扶手、防滑、坐便等居家适老化改造申请", .communityStaff, .grid, hours: (4, 80, 16),
                 [many("items", "改造项目", ["扶手", "防滑地面", "坐便椅", "淋浴椅", "紧急呼叫器", "其他"], required: true)]),
            item("YL08", "高龄津贴咨询", "高龄津贴、养老服务补贴申领咨询", .communityStaff, .grid, hours: (2, 16, 8)),
            item("YL09", "日间照料", "社区日间照料中心托养申请", .socialOrganization, .thematic(tag: "高龄老人")),
            item("YL10", "老年助行器具", "轮椅、拐杖等助行器具借用", .communityStaff, .grid),
        ]),
        Category(code: "CJ", name: "助残服务", description: "残疾人康复、就业、出行与生活帮扶", items: [
            item("CJ01", "残疾人证办理咨询", "残疾人证申领、换领、评定咨询", .communityStaff),
            item("CJ02", "康复服务", "社区康复训练、上门康复指导", .socialWorker, .thematic(tag: "残疾人"), [preferredTime]),
            item("CJ03", "辅助器具申领", "助听器、轮椅等辅助器具适配申领", .communityStaff,
                 [text("device", "需要的器具", required: true)]),
            item("CJ04", "无障碍设施报修", "坡道、扶手、无障碍电梯损坏", .communityStaff, anonymous: true),
            item("CJ05", "残疾人就业帮扶", "就业信息、职业培训推荐", .socialWorker, .thematic(tag: "残疾人")),
            item("CJ06", "精神障碍患者关爱", "家属求助、随访协助", .socialWorker, .thematic(tag: "重点关爱"), hours: (1, 24, 8)),
            item("CJ07", "助残出行", "就医、办事出行陪同", .volunteerTeam, .thematic(tag: "残疾人"), [date("trip_date", "出行日期", required: true)]),
            item("CJ08", "残疾人补贴咨询", "两项补贴等政策咨询", .communityStaff, hours: (2, 16, 8)),
            item("CJ09", "托养服务", "重度残疾人托养申请", .socialOrganization, .thematic(tag: "残疾人"), hours: (4, 80, 16)),
            item("CJ10", "家庭无障碍改造", "残疾人家庭无障碍改造申请", .communityStaff, hours: (4, 80, 16)),
        ]),
        Category(code: "ET", name: "儿童关爱", description: "困境儿童、留守儿童关爱与课后服务", items: [
            item("ET01", "课后托管", "四点半课堂、寒暑假托管报名", .socialOrganization,
                 [number("age", "孩子年龄", required: true), one("grade", "年级", ["幼儿园", "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初中"])]),
            item("ET02", "困境儿童帮扶", "困境儿童生活、学习帮扶申请", .socialWorker, .thematic(tag: "困境儿童"), hours: (2, 24, 8)),
            item("ET03", "留守儿童关爱", "定期探访、亲情连线", .socialWorker, .thematic(tag: "留守儿童")),
            item("ET04", "儿童心理辅导", "儿童青少年心理咨询预约", .socialWorker, hours: (2, 40, 8)),
            item("ET05", "儿童安全隐患", "小区游乐设施损坏、安全隐患", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("ET06", "儿童受侵害线索", "疑似虐待、遗弃、侵害儿童的线索", .socialWorker, hours: (1, 8, 4), anonymous: true),
            item("ET07", "学业辅导志愿服务", "大学生志愿者学业辅导", .volunteerTeam),
            item("ET08", "儿童之家活动报名", "社区儿童之家活动报名", .communityStaff, [number("children", "报名人数", required: true)]),
            item("ET09", "入学政策咨询", "入学、转学政策咨询", .communityStaff, hours: (2, 16, 8)),
            item("ET10", "孤儿与事实无人抚养儿童", "基本生活费申领与帮扶", .communityStaff, .thematic(tag: "困境儿童")),
        ]),
        Category(code: "JZ", name: "社会救助", description: "低保、特困、临时救助与帮扶", items: [
            item("JZ01", "最低生活保障申请", "低保申请受理与入户调查", .communityStaff, hours: (2, 80, 16),
                 [number("household_size", "家庭人口", required: true), number("monthly_income", "家庭月收入（元）")]),
            item("JZ02", "特困人员供养申请", "特困供养申请", .communityStaff, hours: (2, 80, 16)),
            item("JZ03", "临时救助申请", "因急难事件临时救助", .communityStaff, hours: (1, 24, 8),
                 [one("reason", "困难原因", ["疾病", "意外事故", "突发灾害", "其他"])]),
            item("JZ04", "医疗救助咨询", "大病医疗救助申请咨询", .communityStaff),
            item("JZ05", "教育救助咨询", "困难家庭学生教育救助", .communityStaff),
            item("JZ06", "住房救助咨询", "公租房、廉租房申请咨询", .communityStaff),
            item("JZ07", "流浪乞讨人员线索", "发现流浪乞讨人员需要救助", .gridWorker, hours: (1, 8, 4), anonymous: true),
            item("JZ08", "慈善物资申领", "社区慈善超市物资申领", .socialOrganization),
            item("JZ09", "就业困难帮扶", "就业困难人员认定与岗位推荐", .communityStaff),
            item("JZ10", "救助政策复核", "救助待遇变更、复核申请", .communityStaff, hours: (2, 80, 16)),
        ]),
        Category(code: "YJ", name: "医疗健康", description: "家庭医生、健康管理与公共卫生", items: [
            item("YJ01", "家庭医生签约", "签约、续约家庭医生", .communityStaff),
            item("YJ02", "上门医疗服务", "行动不便者上门诊疗预约", .communityStaff, hours: (2, 24, 8), [preferredTime]),
            item("YJ03", "慢病随访", "高血压、糖尿病随访预约", .communityStaff),
            item("YJ04", "疫苗接种咨询", "儿童、老人疫苗接种咨询", .communityStaff, hours: (2, 16, 8)),
            item("YJ05", "健康讲座报名", "社区健康讲座报名", .socialOrganization),
            item("YJ06", "心理健康咨询", "成人心理咨询预约", .socialWorker),
            item("YJ07", "老年人体检", "65岁以上老年人免费体检预约", .communityStaff),
            item("YJ08", "母婴健康服务", "孕产妇、新生儿上门访视", .communityStaff),
            item("YJ09", "无偿献血咨询", "献血活动与献血证使用咨询", .volunteerTeam),
            item("YJ10", "病媒生物防制", "鼠患、蟑螂、蚊蝇孳生", .gridWorker, hours: (2, 24, 8), anonymous: true),
        ]),
        Category(code: "HZ", name: "家政便民", description: "家政、维修、代办等便民服务", items: [
            item("HZ01", "家政保洁预约", "日常保洁、深度保洁", .socialOrganization, [preferredTime]),
            item("HZ02", "家电维修", "家用电器上门维修", .socialOrganization, [text("appliance", "电器名称", required: true)]),
            item("HZ03", "开锁换锁", "经身份核实后开锁换锁", .socialOrganization, hours: (1, 4, 4)),
            item("HZ04", "管道疏通", "户内下水道疏通", .socialOrganization, hours: (1, 8, 4)),
            item("HZ05", "代缴代办", "水电燃气费代缴、证件代办", .volunteerTeam),
            item("HZ06", "理发义剪", "志愿者上门理发", .volunteerTeam, [preferredTime]),
            item("HZ07", "便民维修", "小修小补志愿服务", .volunteerTeam),
            item("HZ08", "快递代收", "行动不便居民快递代收代送", .volunteerTeam),
            item("HZ09", "旧物回收", "大件旧家具、旧衣物回收", .socialOrganization),
            item("HZ10", "场地借用", "社区活动室借用", .communityStaff,
                 [date("use_date", "使用日期", required: true), number("people", "参加人数")]),
        ]),
        Category(code: "WX", name: "物业维修", description: "公共部位与设施设备的报修", items: [
            item("WX01", "楼道照明", "楼道灯不亮、损坏", .gridWorker, hours: (2, 24, 8), [number("floor", "楼层")], anonymous: true),
            item("WX02", "电梯故障", "电梯停运、异响、困人", .gridWorker, hours: (1, 8, 4),
                 [one("trapped", "是否有人被困", ["是", "否"])], anonymous: true),
            item("WX03", "供水问题", "停水、水压低、水质异常", .gridWorker, hours: (1, 16, 8), [urgency]),
            item("WX04", "屋面漏水", "屋顶、外墙渗漏", .gridWorker, hours: (2, 80, 16)),
            item("WX05", "下水道堵塞", "公共下水管道堵塞、冒溢", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("WX06", "门禁对讲", "单元门禁、对讲故障", .gridWorker),
            item("WX07", "公共设施损坏", "健身器材、座椅、围栏损坏", .gridWorker, anonymous: true),
            item("WX08", "供暖问题", "暖气不热、管道漏水", .gridWorker, hours: (1, 24, 8), [number("room_temperature", "室温（℃）")]),
            item("WX09", "燃气问题", "燃气异味、设施隐患", .gridWorker, hours: (1, 4, 4), anonymous: true).urgently,
            item("WX10", "老旧小区改造意见", "改造项目意见与问题反映", .communityStaff, hours: (4, 80, 16)),
        ]),
        Category(code: "HW", name: "环境卫生", description: "垃圾、绿化、违建与市容秩序", items: [
            item("HW01", "垃圾清运", "垃圾桶满溢、垃圾未及时清运", .gridWorker, hours: (2, 16, 8), anonymous: true),
            item("HW02", "垃圾分类指导", "分类投放指导、桶站问题", .volunteerTeam, anonymous: true),
            item("HW03", "绿化养护", "树木倒伏、绿地缺损、修剪", .gridWorker, anonymous: true),
            item("HW04", "私搭乱建", "违法搭建线索", .gridWorker, hours: (2, 80, 16), anonymous: true),
            item("HW05", "楼道堆物", "楼道、消防通道堆放杂物", .gridWorker, hours: (2, 24, 8), anonymous: true),
            item("HW06", "噪音扰民", "施工、商铺、广场舞噪音", .gridWorker, hours: (1, 16, 8),
                 [one("source", "噪音来源", ["施工", "商铺", "娱乐活动", "邻里", "其他"])], anonymous: true),
            item("HW07", "乱停乱放", "车辆乱停、占用消防通道", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("HW08", "小广告清理", "乱贴乱画小广告", .volunteerTeam, anonymous: true),
            item("HW09", "宠物管理", "犬只扰民、粪便未清理", .gridWorker, anonymous: true),
            item("HW10", "油烟污染", "餐饮油烟扰民", .gridWorker, anonymous: true),
        ]),
        Category(code: "MD", name: "矛盾纠纷", description: "邻里、家庭、物业等矛盾纠纷调解", items: [
            item("MD01", "邻里纠纷调解", "漏水、噪音、占道等邻里矛盾", .gridWorker, hours: (2, 40, 8)),
            item("MD02", "家庭矛盾调解", "婚姻家庭、赡养抚养纠纷", .socialWorker, hours: (2, 40, 8)),
            item("MD03", "物业纠纷", "业主与物业服务企业矛盾", .communityStaff, hours: (2, 80, 16)),
            item("MD04", "劳资纠纷线索", "欠薪等劳资矛盾线索", .communityStaff, hours: (1, 40, 8)),
            item("MD05", "房屋租赁纠纷", "租赁合同、押金纠纷", .communityStaff),
            item("MD06", "消费纠纷", "商户消费纠纷反映", .communityStaff),
            item("MD07", "停车纠纷", "车位、停车收费纠纷", .gridWorker),
            item("MD08", "装修纠纷", "装修扰民、损坏公共部位", .gridWorker),
            item("MD09", "宠物纠纷", "犬只伤人、扰民引起的纠纷", .gridWorker),
            item("MD10", "信访事项转办", "群众来访事项登记转办", .communityStaff, hours: (1, 80, 16)),
        ]),
        Category(code: "FL", name: "法律服务", description: "法律咨询、法律援助与公证指引", items: [
            item("FL01", "法律咨询", "社区法律顾问咨询预约", .socialOrganization,
                 [one("topic", "咨询类别", ["婚姻家庭", "继承", "劳动", "房产", "债务", "其他"])]),
            item("FL02", "法律援助申请", "经济困难人员法律援助", .communityStaff, hours: (2, 80, 16)),
            item("FL03", "遗嘱与继承指引", "遗嘱订立、继承手续指引", .socialOrganization),
            item("FL04", "人民调解申请", "人民调解委员会调解", .communityStaff, hours: (2, 80, 16)),
            item("FL05", "普法讲座预约", "社区普法讲座预约", .socialOrganization),
            item("FL06", "反诈咨询", "疑似诈骗咨询与提醒", .gridWorker, hours: (1, 8, 4)),
            item("FL07", "老年人权益保护", "侵害老年人权益线索", .socialWorker, .thematic(tag: "独居老人"), hours: (1, 24, 8), anonymous: true),
            item("FL08", "妇女权益保护", "家庭暴力等求助", .socialWorker, hours: (1, 8, 4)),
            item("FL09", "公证办理指引", "公证材料与流程指引", .communityStaff),
            item("FL10", "社区矫正协助", "社区矫正对象帮扶协助", .communityStaff),
        ]),
        Category(code: "ZX", name: "政策咨询", description: "各类惠民政策与办事指引", items: [
            item("ZX01", "社保医保咨询", "参保、缴费、报销咨询", .communityStaff, hours: (2, 16, 8)),
            item("ZX02", "户籍办理指引", "落户、迁移、居住证办理指引", .communityStaff, hours: (2, 16, 8)),
            item("ZX03", "生育政策咨询", "生育登记、生育津贴咨询", .communityStaff, hours: (2, 16, 8)),
            item("ZX04", "退役军人服务", "优抚政策、服务站咨询", .communityStaff),
            item("ZX05", "就业创业政策", "创业补贴、就业培训政策", .communityStaff),
            item("ZX06", "住房公积金咨询", "提取、贷款政策咨询", .communityStaff),
            item("ZX07", "证明开具", "居住证明等社区证明开具", .communityStaff, hours: (2, 16, 8),
                 [text("purpose", "用途", required: true)]),
            item("ZX08", "志愿者注册", "注册志愿者与积分政策", .volunteerTeam),
            item("ZX09", "社会组织登记咨询", "社区社会组织备案登记", .communityStaff),
            item("ZX10", "其他政策咨询", "未列出的政策问题", .communityStaff),
        ]),
        Category(code: "PA", name: "平安建设", description: "安全隐患、治安线索与应急", items: [
            item("PA01", "消防安全隐患", "消防通道堵塞、灭火器缺失、电动车进楼", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("PA02", "治安隐患线索", "可疑人员、治安隐患", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("PA03", "电动车飞线充电", "私拉电线充电", .gridWorker, hours: (1, 8, 4), anonymous: true),
            item("PA04", "高空抛物", "高空抛物坠物线索", .gridWorker, hours: (1, 16, 8), anonymous: true),
            item("PA05", "房屋安全隐患", "墙体开裂、危房", .gridWorker, hours: (1, 24, 8)),
            item("PA06", "出租屋登记", "出租房屋及流动人员登记", .gridWorker),
            item("PA07", "防汛防灾", "积水、内涝、危树", .gridWorker, hours: (1, 8, 4), anonymous: true),
            item("PA08", "道路安全隐患", "井盖缺失、路面塌陷", .gridWorker, hours: (1, 8, 4), anonymous: true),
            item("PA09", "食品安全线索", "无证经营、过期食品", .gridWorker, anonymous: true),
            item("PA10", "群租房线索", "群租、违规改建隔断", .gridWorker, anonymous: true),
        ]),
    ]
}

extension DefaultCatalog.Item {
    /// The same item, marked 紧急事项.
    var urgently: DefaultCatalog.Item {
        var item = self
        item.urgent = true
        return item
    }
}
