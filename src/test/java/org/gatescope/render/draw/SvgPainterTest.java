package org.gatescope.render.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SVG back end: texts stay text and are escaped, shapes land where Java2D would draw them. */
class SvgPainterTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textIsKeptAsTextWithMarkupCharactersEscaped() throws Exception {
        SvgPainter svg = new SvgPainter(200, 100);
        svg.setFill(Rgba.of(0xFF102030));
        svg.setFont(DrawFont.bold(14));
        svg.fillText("a<t> & \"b\" \u0007\u0393u", 10, 20);
        String document = svg.document();
        assertTrue(document.contains(">a&lt;t&gt; &amp; &quot;b&quot; \u0393u</text>"), document);
        Element text = (Element) parse(document).getElementsByTagName("text").item(0);
        assertEquals("a<t> & \"b\" \u0393u", text.getTextContent(), "the bell is dropped: XML cannot hold it");
        assertEquals("bold", text.getAttribute("font-weight"));
        assertEquals("#102030", text.getAttribute("fill"));
    }

    @Test
    void centredTextIsAnchoredAtItsMiddleAndAMiddleBaselineIsMovedToTheAlphabeticOne() throws Exception {
        SvgPainter svg = new SvgPainter(200, 100);
        DrawFont font = DrawFont.plain(20);
        svg.setFont(font);
        svg.setTextAlign(TextAlign.CENTER);
        svg.setTextBaseline(TextBaseline.MIDDLE);
        svg.fillText("cat", 100, 50);
        Element text = (Element) parse(svg.document()).getElementsByTagName("text").item(0);
        assertEquals("middle", text.getAttribute("text-anchor"));
        assertEquals("100", text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        assertEquals(50 + AwtText.baselineShift("cat", font, TextBaseline.MIDDLE), y, 0.01);
        assertTrue(y > 50, "below the middle");
    }

    @Test
    void transformsClipsAndFadesBecomeAttributes() throws Exception {
        SvgPainter svg = new SvgPainter(300, 300);
        svg.save();
        svg.scale(2, 2);
        svg.translate(10, 5);
        svg.clipRect(0, 0, 50, 50);
        svg.setGlobalAlpha(0.5);
        svg.setFill(Rgba.of(0xFFFF0000));
        svg.fillRect(1, 2, 3, 4);
        svg.restore();
        svg.fillRect(0, 0, 1, 1);
        Document document = parse(svg.document());
        Element clip = (Element) document.getElementsByTagName("clipPath").item(0);
        Element clipRect = (Element) clip.getElementsByTagName("rect").item(0);
        assertEquals("20", clipRect.getAttribute("x"));
        assertEquals("100", clipRect.getAttribute("width"));
        Element group = (Element) document.getElementsByTagName("g").item(0);
        Element red = (Element) group.getElementsByTagName("rect").item(0);
        assertEquals("22", red.getAttribute("x"));
        assertEquals("14", red.getAttribute("y"));
        assertEquals("6", red.getAttribute("width"));
        assertEquals("0.5", red.getAttribute("fill-opacity"));
        assertEquals(1, group.getElementsByTagName("rect").getLength(), "after restore: outside the clip");
    }

    @Test
    void numbersHaveTwoDecimalsAtMostAndNoNegativeZero() {
        assertEquals("0", SvgPainter.num(-0.001));
        assertEquals("1.5", SvgPainter.num(1.5));
        assertEquals("-2.33", SvgPainter.num(-2.333));
        assertEquals("1120", SvgPainter.num(1120));
    }

    @Test
    void cellsOfOneColourInARowBecomeOneRectangle() throws Exception {
        SvgPainter svg = new SvgPainter(100, 100);
        int red = 0xFFFF0000;
        int blue = 0xFF0000FF;
        svg.fillCells(new CellGrid(0, 0, 3, 1, 10, 10, new int[] {red, red, blue}, false));
        Document document = parse(svg.document());
        assertEquals(2, document.getElementsByTagName("rect").getLength());
        assertEquals("20", ((Element) document.getElementsByTagName("rect").item(0)).getAttribute("width"));
    }
}
