/** Raster, trace and group plots to PNG, SVG and PDF (headless AWT). */
module izhsim.plot {
    requires transitive izhsim.core;
    requires transitive java.desktop; // the API hands out java.awt types (Color, BufferedImage)
    // neither jar names its module: these are the names derived from the file names
    requires xchart;
    requires VectorGraphics2D;

    exports org.izhsim.plot;
}
