import Foundation

/// Small charts drawn on the server as SVG (no JavaScript, no chart library). Labels are
/// escaped here because the result is inserted into the page as markup.
enum SVGChart {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// A chart drawn twice: 720 units wide for a desktop and 360 for a phone, where the page
    /// shows the narrow one at about its own size, so its labels stay at their 11–13 px
    /// instead of shrinking by half (the stylesheet switches them at 37.5em).
    static func responsive(_ draw: (_ width: Double, _ css: String) -> String) -> String {
        draw(720, "chart chart-wide") + draw(360, "chart chart-narrow")
    }

    /// Vertical columns, e.g. requests per day. `labelEvery` thins the axis labels (twice as
    /// much on the narrow drawing).
    static func columns(_ values: [(label: String, value: Int)], title: String, labelEvery: Int = 1) -> String {
        responsive { width, css in columns(values, title: title, labelEvery: width < 500 ? labelEvery * 2 : labelEvery, width: width, css: css) }
    }

    static func columns(_ values: [(label: String, value: Int)], title: String, labelEvery: Int, width: Double, css: String) -> String {
        let height = 200.0, top = 24.0, bottom = 28.0, left = 36.0
        let maximum = max(values.map(\.value).max() ?? 0, 1)
        let step = (width - left) / Double(max(values.count, 1))
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\" class=\"\(css)\">",
                     "<text x=\"0\" y=\"14\" class=\"chart-title\">\(escape(title))</text>",
                     "<text x=\"\(Int(left) - 4)\" y=\"\(Int(top) + 4)\" text-anchor=\"end\" class=\"chart-axis\">\(maximum)</text>",
                     "<line x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width))\" y2=\"\(Int(height - bottom))\" class=\"chart-base\"/>"]
        for (index, entry) in values.enumerated() {
            let barHeight = (height - top - bottom) * Double(entry.value) / Double(maximum)
            let x = left + Double(index) * step
            parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"chart-bar\"><title>%@：%d</title></rect>",
                                x + step * 0.15, height - bottom - barHeight, step * 0.7, barHeight, escape(entry.label), entry.value))
            if index % max(labelEvery, 1) == 0 {
                parts.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"chart-axis\">%@</text>",
                                    x + step / 2, height - 8, escape(entry.label)))
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// Horizontal bars of rates (0…1), e.g. 结案率 per community; nil shows as "—".
    static func rates(_ values: [(label: String, value: Double?)], title: String) -> String {
        responsive { width, css in rates(values, title: title, width: width, css: css) }
    }

    static func rates(_ values: [(label: String, value: Double?)], title: String, width: Double, css: String) -> String {
        let rowHeight = 26.0, labelWidth = width < 500 ? 110.0 : 150.0
        let height = 28.0 + rowHeight * Double(values.count)
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\" class=\"\(css)\">",
                     "<text x=\"0\" y=\"14\" class=\"chart-title\">\(escape(title))</text>"]
        for (index, entry) in values.enumerated() {
            let y = 24.0 + Double(index) * rowHeight
            let barWidth = (width - labelWidth - 60) * (entry.value ?? 0)
            parts.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"chart-axis\">%@</text>", labelWidth - 6, y + 16, escape(entry.label)))
            parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" class=\"chart-bar\"/>", labelWidth, y + 3, barWidth))
            parts.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"chart-axis\">%@</text>", labelWidth + barWidth + 6, y + 16,
                                escape(RequestMetrics.percent(entry.value))))
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
