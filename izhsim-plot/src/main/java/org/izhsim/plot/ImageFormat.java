package org.izhsim.plot;

/** The file formats a {@link Figure} can be written in. */
public enum ImageFormat {
  /** Raster image; white background, one pixel per figure unit. */
  PNG("png"),
  /** Scalable vector graphics; text is drawn as outlines so it looks the same in every viewer. */
  SVG("svg");

  private final String extension;

  ImageFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension without the dot, e.g. {@code "png"}. */
  public String extension() {
    return extension;
  }
}
