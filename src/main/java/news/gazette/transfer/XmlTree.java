package news.gazette.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML file walked with StAX, one element of a chosen level at a time, each read into a small element tree, by a
 * parser that refuses any DOCTYPE: no DTD, no entities, no external references, so neither entity expansion nor a
 * fetched file can happen. The file is never held whole, neither as text nor as a tree.
 */
final class XmlTree {

    private static final int MAX_DEPTH = 64;

    /** One element: namespace, local name, attributes, its own text, children. */
    record Element(String namespace, String name, Map<String, String> attributes, StringBuilder content,
                   List<Element> children) {

        String text() {
            return content.toString().trim();
        }

        Element child(String wanted) {
            for (Element child : children) {
                if (child.name.equals(wanted)) {
                    return child;
                }
            }
            return null;
        }

        /** The text of the first child with this name whose namespace contains {@code namespacePart}, or "". */
        String childText(String namespacePart, String wanted) {
            for (Element child : children) {
                if (child.name.equals(wanted) && child.namespace.contains(namespacePart)) {
                    return child.text();
                }
            }
            return "";
        }

        List<Element> all(String wanted) {
            return children.stream().filter(c -> c.name.equals(wanted)).toList();
        }
    }

    private XmlTree() {
    }

    /** What a walk found at the top: the root's name and namespace (its streamed parts are not kept). */
    record Top(String namespace, String name) {
    }

    /**
     * Reads the file once, front to back, holding only one element of the given level at a time: each element at
     * {@code level} (0 is the root) is built whole, handed to {@code each} with the name of its parent as soon as it
     * ends, and then dropped. Elements above that level keep neither text nor children. So a file of any size is
     * read in the memory of its largest such element.
     */
    static Top walk(InputStream in, int level, BiConsumer<String, Element> each) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(in);
            List<Element> open = new ArrayList<>();
            Top top = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION -> throw new ImportRefused("transfer.refused.doctype");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new ImportRefused("transfer.refused.too-deep", MAX_DEPTH);
                        }
                        Element element = element(reader);
                        if (open.isEmpty()) {
                            top = new Top(element.namespace(), element.name());
                        } else if (open.size() > level) {
                            open.get(open.size() - 1).children().add(element);
                        }
                        open.add(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = open.remove(open.size() - 1);
                        if (open.size() == level) {
                            each.accept(level == 0 ? "" : open.get(open.size() - 1).name(), done);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (open.size() > level) {
                            open.get(open.size() - 1).content().append(reader.getText());
                        }
                    }
                    default -> {
                        // Comments and processing instructions carry nothing an import needs.
                    }
                }
            }
            if (top == null) {
                throw new ImportRefused("transfer.refused.malformed-xml", "1", "1");
            }
            return top;
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            throw new ImportRefused("transfer.refused.malformed-xml", e,
                    String.valueOf(location == null ? 0 : location.getLineNumber()),
                    String.valueOf(location == null ? 0 : location.getColumnNumber()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader that failed adds nothing to the refusal already reported.
                }
            }
        }
    }

    private static Element element(XMLStreamReader reader) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        String namespace = reader.getNamespaceURI();
        return new Element(namespace == null ? "" : namespace, reader.getLocalName(), attributes, new StringBuilder(),
                new ArrayList<>());
    }
}
