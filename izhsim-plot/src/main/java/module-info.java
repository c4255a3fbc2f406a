/** Raster, trace and group plots to PNG and SVG (headless AWT). */
module izhsim.plot {
    requires transitive izhsim.core;
    requires transitive java.desktop; // the API hands out java.awt types (Graphics2D, BufferedImage)
    // neither jar names its module: these are the names derived from the file names (Maven
    // warns about that; harmless here, since the CLI jar runs on the class path)
    requires xchart;
    requires VectorGraphics2D;

    exports org.izhsim.plot;
}
