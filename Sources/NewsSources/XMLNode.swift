/// One element of a parsed feed document: a small, read-only-after-parse tree the format readers walk.
/// Names are kept both as written (for re-serialising inline XHTML) and as a canonical key
/// (`prefix:local`, lower-cased local name, prefix chosen from the namespace URI so that `<foo:creator
/// xmlns:foo="http://purl.org/dc/elements/1.1/">` reads as `dc:creator`).
final class XMLNode {
    let qname: String
    let key: String
    let namespaceURI: String
    var attributes: [XMLAttribute]
    var children: [XMLChild] = []
    /// The effective `xml:base` (already absolute when the document URL allows it).
    let base: String?

    init(qname: String, key: String, namespaceURI: String, attributes: [XMLAttribute], base: String?) {
        self.qname = qname; self.key = key; self.namespaceURI = namespaceURI
        self.attributes = attributes; self.base = base
    }

    /// The local part of the key (`creator` for `dc:creator`).
    var localName: String {
        if let colon = key.lastIndex(of: ":") { return String(key[key.index(after: colon)...]) }
        return key
    }

    /// The value of the first attribute whose local name (lower-cased, prefix ignored) is `name`.
    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.localName == name { return attribute.value }
        return nil
    }

    /// The first child element with one of these keys.
    func child(_ keys: String...) -> XMLNode? {
        for case .element(let node) in children where keys.contains(node.key) { return node }
        return nil
    }

    /// Every child element with one of these keys, in document order.
    func children(_ keys: String...) -> [XMLNode] {
        var found: [XMLNode] = []
        for case .element(let node) in children where keys.contains(node.key) { found.append(node) }
        return found
    }

    /// Every child element.
    var elements: [XMLNode] {
        var found: [XMLNode] = []
        for case .element(let node) in children { found.append(node) }
        return found
    }

    /// The concatenated character data of this element and its descendants (iterative, so a deeply nested
    /// element cannot exhaust the stack).
    var text: String {
        if children.count == 1, case .text(let only) = children[0] { return only } // the usual case, no copy
        var out = ""
        var stack: [(XMLNode, Int)] = [(self, 0)]
        while let (node, index) = stack.popLast() {
            if index >= node.children.count { continue }
            stack.append((node, index + 1))
            switch node.children[index] {
            case .text(let string): out += string
            case .element(let child): stack.append((child, 0))
            }
        }
        return out
    }

    /// Whether the element has element children (inline markup rather than plain character data).
    var hasElementChildren: Bool {
        for child in children { if case .element = child { return true } }
        return false
    }
}

/// An attribute as written, with its lower-cased local name for lookups.
struct XMLAttribute {
    let qname: String
    let localName: String
    let value: String
}

/// A child of an element: character data (entities already decoded, CDATA merged) or an element.
enum XMLChild {
    case text(String)
    case element(XMLNode)
}
