package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** Figures carry the run's provenance: PNG tEXt chunks and an SVG metadata element. */
class FigureMetadataTest {
    @TempDir
    Path dir;

    @Test
    void pngAndSvgCarryTheMetadata() throws Exception {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("izhsim_commit", "abc123");
        meta.put("scheme", "figure1");
        meta.put("note", "a < b & c");
        double[] t = {0, 1, 2, 3}, v = {-65, -60, 30, -65}, i = {0, 10, 10, 10};
        FigureWriter.write(Figures.voltageTrace("x", t, v, i), dir, "f", EnumSet.allOf(ImageFormat.class), meta);

        Map<String, String> found = new HashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("f.png").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!n.getNodeName().equals("tEXt")) continue;
                for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    IIOMetadataNode entry = (IIOMetadataNode) e;
                    found.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
                }
            }
            reader.dispose();
        }
        assertEquals(meta, found);

        String svg = Files.readString(dir.resolve("f.svg"));
        assertTrue(svg.contains("<metadata>"), "metadata element");
        assertTrue(svg.contains("izhsim_commit: abc123") && svg.contains("note: a &lt; b &amp; c"), svg.substring(0, 600));
        assertTrue(svg.indexOf("<metadata>") > svg.indexOf("<svg"), "inside the svg element");
    }
}
