package news.gazette.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void everyCharacterXmlCannotCarryIsRemovedAndEveryOtherKept() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!Character.isSurrogate((char) c)) {
                all.append((char) c);
            }
        }
        all.append("😀").append('\uD800').append("x").append('\uDC00');
        String clean = XmlText.clean(all.toString());
        assertThat(clean).doesNotContain("\u0000", "\u0001", "\u001F", "\u007F", "\u0080", "\u009F", "\uFFFE", "\uFFFF");
        assertThat(clean).contains("\t", "\n", "\r", " ", "~", "\u00A0", "\uFFFD", "😀", "Հ", "Ж");
        assertThat(clean).endsWith("😀x");
        assertThat(XmlText.isClean(clean)).isTrue();
        assertThat(XmlText.isClean("a\u0001")).isFalse();
        assertThat(clean.length()).isEqualTo(0x10000 - 0x800 - (32 - 3) - 33 - 2 + 2 + 1);
    }

    @Test
    void oneLineValuesLoseTheirBreaksAndCleanTextIsReturnedAsItIs() {
        assertThat(XmlText.line("Breaking\n\tnews\u0000!")).isEqualTo("Breaking  news!");
        String clean = "Ереван, Երևան";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
        assertThat(XmlText.clean(null)).isNull();
        assertThat(XmlText.line(null)).isNull();
    }

    @Test
    void theCleaningWriterNeverWritesAMalformedDocument() throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = new CleanXmlWriter(XMLOutputFactory.newFactory().createXMLStreamWriter(out));
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("t");
        w.writeAttribute("a", "x\u0002y");
        w.writeCharacters("head\u0001line\u0085");
        char[] chars = "ok\u001B".toCharArray();
        w.writeCharacters(chars, 0, chars.length);
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(out.toString())));
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("headlineok");
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo("xy");
    }
}
