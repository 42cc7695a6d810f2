/// The element names the cleaner tells apart; everything else is ``other``.
enum HTMLTag: UInt8, Sendable {
    case text  // a text node, not an element
    case other
    case html, head, body, title, meta, link, base, script, style, noscript, template
    case svg, math, iframe, frame, frameset, object, embed, canvas, video, audio, map, picture, source, img
    case select, option, textarea, button, input, form, label, fieldset, dialog, menu
    case nav, header, footer, aside, main, article, section, div, span, center, font
    case p, br, hr, pre, code, blockquote, address, details, summary
    case a, b, i, em, strong, small, sup, sub, u, s, mark, q, cite, abbr, time, wbr, big, strike, del, ins
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case figure, figcaption

    /// Looks a lowercase element name up.
    static func named(_ name: String) -> HTMLTag {
        byName[name] ?? .other
    }

    /// All named tags, for lookups straight from C strings.
    static let nameTable = NameTable<HTMLTag>(byName.map { ($0.key, $0.value) })

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        let all: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .base, .script, .style, .noscript, .template,
            .svg, .math, .iframe, .frame, .frameset, .object, .embed, .canvas, .video, .audio, .map, .picture, .source, .img,
            .select, .option, .textarea, .button, .input, .form, .label, .fieldset, .dialog, .menu,
            .nav, .header, .footer, .aside, .main, .article, .section, .div, .span, .center, .font,
            .p, .br, .hr, .pre, .code, .blockquote, .address, .details, .summary,
            .a, .b, .i, .em, .strong, .small, .sup, .sub, .u, .s, .mark, .q, .cite, .abbr, .time, .wbr, .big, .strike, .del, .ins,
            .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
            .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .colgroup, .col, .figure, .figcaption,
        ]
        for tag in all { table[String(describing: tag)] = tag }
        return table
    }()

    /// Elements whose content is never article text (code, media, embedded documents, controls).
    var isSkippedWithContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .frame, .frameset, .object, .embed,
             .canvas, .video, .audio, .map, .select, .textarea, .button, .input, .dialog, .source, .img, .picture:
            true
        default: false
        }
    }

    /// Elements that start a new line of text (block-level in CSS defaults).
    var isBlock: Bool {
        switch self {
        case .html, .body, .main, .article, .section, .div, .nav, .header, .footer, .aside, .form, .fieldset,
             .p, .pre, .blockquote, .address, .details, .summary, .center, .hr, .menu,
             .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
             .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .figure, .figcaption, .title:
            true
        default: false
        }
    }

    /// Headings.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }
}
