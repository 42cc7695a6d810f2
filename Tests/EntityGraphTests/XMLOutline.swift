import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an XML document with Foundation's `XMLParser` and keeps what the exporter tests check:
/// each element's name and attributes, and its text.
final class XMLOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var failure: String?

    static func parse(_ document: String) -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = outline
        if !parser.parse() {
            outline.failure = parser.parserError.map { "\($0)" } ?? "unknown XML error"
        }
        return outline
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }
}
