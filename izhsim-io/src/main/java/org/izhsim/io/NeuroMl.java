package org.izhsim.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.izhsim.io.NmlUnits.Dimension;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Recovery;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the Izhikevich cells of a NeuroML2 file (reference §5.3) with the JDK's DOM parser:
 * {@code izhikevichCell} (the 2003 model: v0, thresh, dimensionless a, b, c, d) and
 * {@code izhikevich2007Cell} (v0, C, k, vr, vt, vpeak, a, b, c, d with units). Both NeuroML
 * types spike when v &gt; thresh or v &gt; vpeak (strict), which the imported models keep.
 * Other elements (networks, inputs, other cell types) are ignored. Every error is one line
 * naming the file and the culprit; DTDs and external entities are refused.
 */
public final class NeuroMl {
    private NeuroMl() {}

    /** One imported cell. */
    public sealed interface Cell permits Cell2003, Cell2007 {
        /** The cell's id attribute. */
        String id();

        /** The NeuroML element name. */
        String type();
    }

    /**
     * An {@code izhikevichCell}: dv/dt = 0.04v² + 5v + 140 − U + I, dU/dt = a(bv − U), spike
     * when v &gt; thresh; U starts at v0·b.
     *
     * @param model  the 2003 equations with vPeak = thresh [mV]
     * @param params a, b, c [mV], d
     * @param v0     initial v [mV]
     */
    public record Cell2003(String id, IzhikevichModel model, NeuronParams params, double v0) implements Cell {
        @Override
        public String type() {
            return "izhikevichCell";
        }

        /** NeuroML's start: U = v0·b. */
        public double u0() {
            return v0 * params.b();
        }
    }

    /**
     * An {@code izhikevich2007Cell}; u starts at 0.
     *
     * @param model the cell, with the strict cut-off v &gt; vpeak
     * @param v0    initial v [mV]
     */
    public record Cell2007(String id, Izhikevich2007Model model, double v0) implements Cell {
        @Override
        public String type() {
            return "izhikevich2007Cell";
        }
    }

    /** Every Izhikevich cell in the file, in document order. */
    public static List<Cell> read(Path file) throws IOException {
        Document doc = parse(file);
        String where = file.toString();
        List<Cell> cells = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
            if (name.equals("izhikevichCell")) cells.add(cell2003(e, where));
            else if (name.equals("izhikevich2007Cell")) cells.add(cell2007(e, where));
        }
        return cells;
    }

    /** The cell with this id; the error lists the ids in the file. */
    public static Cell read(Path file, String id) throws IOException {
        List<Cell> cells = read(file);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(file + ": no izhikevichCell or izhikevich2007Cell in the file");
        }
        for (Cell c : cells) if (c.id().equals(id)) return c;
        throw new IllegalArgumentException("no cell '" + id + "' in " + file + "; its cells: "
                + String.join(", ", cells.stream().map(Cell::id).toList()));
    }

    private static Cell2003 cell2003(Element e, String file) {
        String id = id(e, file);
        String w = "izhikevichCell '" + id + "' in " + file;
        double v0 = NmlUnits.parse(attr(e, "v0", w), Dimension.VOLTAGE, "v0 of " + w);
        double thresh = NmlUnits.parse(attr(e, "thresh", w), Dimension.VOLTAGE, "thresh of " + w);
        NeuronParams p = new NeuronParams(NmlUnits.number(attr(e, "a", w), "a of " + w),
                NmlUnits.number(attr(e, "b", w), "b of " + w), NmlUnits.number(attr(e, "c", w), "c of " + w),
                NmlUnits.number(attr(e, "d", w), "d of " + w));
        IzhikevichModel model = new IzhikevichModel("izh2003", 0.04, 5, 140, Recovery.STANDARD, thresh);
        return new Cell2003(id, model, p, v0);
    }

    private static Cell2007 cell2007(Element e, String file) {
        String id = id(e, file);
        String w = "izhikevich2007Cell '" + id + "' in " + file;
        double v0 = q(e, "v0", Dimension.VOLTAGE, w);
        Izhikevich2007Model m = new Izhikevich2007Model(id, q(e, "C", Dimension.CAPACITANCE, w),
                q(e, "k", Dimension.CONDUCTANCE_PER_VOLTAGE, w), q(e, "vr", Dimension.VOLTAGE, w),
                q(e, "vt", Dimension.VOLTAGE, w), q(e, "vpeak", Dimension.VOLTAGE, w), q(e, "a", Dimension.PER_TIME, w),
                q(e, "b", Dimension.CONDUCTANCE, w), q(e, "c", Dimension.VOLTAGE, w), q(e, "d", Dimension.CURRENT, w),
                Izhikevich2007Model.CellRule.NONE, true);
        return new Cell2007(id, m, v0);
    }

    private static double q(Element e, String name, Dimension d, String where) {
        return NmlUnits.parse(attr(e, name, where), d, name + " of " + where);
    }

    private static String id(Element e, String file) {
        String id = e.getAttribute("id");
        if (id.isEmpty()) throw new IllegalArgumentException(file + ": an " + e.getLocalName() + " has no id attribute");
        return id;
    }

    private static String attr(Element e, String name, String where) {
        if (!e.hasAttribute(name)) throw new IllegalArgumentException(where + " has no attribute '" + name + "'");
        return e.getAttribute(name);
    }

    private static Document parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("NeuroML file " + file + " does not exist or is not a file");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.ErrorHandler() { // the default one prints to stderr
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return b.parse(file.toFile());
        } catch (SAXParseException e) {
            // the parser's message may quote the file's text, line breaks and all
            throw new IllegalArgumentException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": malformed XML: " + TextFiles.oneLine(e.getMessage()));
        } catch (SAXException e) {
            throw new IllegalArgumentException(file + ": malformed XML: " + TextFiles.oneLine(e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("NeuroML file " + file + " does not exist");
        } catch (java.io.UnsupportedEncodingException e) {
            // the XML declaration names an encoding the JDK does not know (found by fuzzing)
            throw new IllegalArgumentException(file + ": the XML declaration names an unknown encoding '" + TextFiles.oneLine(e.getMessage())
                    + "'; NeuroML files are UTF-8");
        } catch (java.io.CharConversionException e) {
            throw new IllegalArgumentException(file + ": not text in its declared encoding: " + TextFiles.oneLine(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }
}
