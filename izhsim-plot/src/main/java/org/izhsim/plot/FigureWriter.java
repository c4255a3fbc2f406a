package org.izhsim.plot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * The one place that turns a {@link Figure} into bytes and files.
 *
 * <p>Files are written atomically: each format is rendered into a temporary file in the target
 * directory and then renamed over the final name, so an interrupted run leaves either the old
 * figure or the new one, never half of one (a rename within one directory is atomic on POSIX
 * file systems; a temporary file elsewhere could sit on another file system).
 */
public final class FigureWriter {

  static {
    Headless.ensure();
  }

  private FigureWriter() {}

  /**
   * Writes {@code figure} as {@code dir/baseName.png}, {@code dir/baseName.svg}, ... for each
   * requested format, replacing existing files of those names.
   *
   * @param dir an existing directory; it is not created, so a mistyped path fails loudly
   * @param baseName file name without extension; no path separators
   * @return the written files, in {@link ImageFormat} order
   * @throws NoSuchFileException if {@code dir} does not exist
   * @throws NotDirectoryException if {@code dir} is not a directory
   * @throws IllegalArgumentException if {@code baseName} is blank or names a path, or no format
   *     is requested
   */
  public static List<Path> write(
      Figure figure, Path dir, String baseName, Set<ImageFormat> formats) throws IOException {
    return write(figure, dir, baseName, formats, Map.of());
  }

  /**
   * As {@link #write(Figure, Path, String, Set)}, embedding {@code metadata} (e.g. izhsim
   * version, commit, scheme, dt, seed) in each file: PNG {@code tEXt} chunks (shown by
   * {@code exiftool}, PIL's {@code Image.open(f).text}) and an SVG {@code <metadata>} element.
   */
  public static List<Path> write(
      Figure figure, Path dir, String baseName, Set<ImageFormat> formats, Map<String, String> metadata)
      throws IOException {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(formats, "formats");
    checkBaseName(baseName);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no image format requested; known: " + EnumSet.allOf(ImageFormat.class));
    }
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(
          dir.toAbsolutePath().toString(), null, "figure output directory does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toAbsolutePath().toString());
    }
    List<Path> written = new ArrayList<>();
    for (ImageFormat format : EnumSet.copyOf(formats)) {
      Path target = dir.resolve(baseName + "." + format.extension());
      writeAtomically(figure, format, dir, target, metadata);
      written.add(target);
    }
    return List.copyOf(written);
  }

  /** Writes {@code figure} in one format to {@code out}, which stays open. */
  public static void render(Figure figure, ImageFormat format, OutputStream out)
      throws IOException {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(out, "out");
    render(figure, format, out, Map.of());
  }

  private static void render(
      Figure figure, ImageFormat format, OutputStream out, Map<String, String> metadata)
      throws IOException {
    switch (format) {
      case PNG -> renderPng(figure, out, metadata);
      case SVG -> renderSvg(figure, out, metadata);
    }
  }

  /** Paints {@code figure} into a new RGB image of its size. */
  public static BufferedImage toImage(Figure figure) {
    BufferedImage image =
        new BufferedImage(figure.width(), figure.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      prepare(g, figure);
      figure.paint(g, ImageFormat.PNG);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void renderPng(Figure figure, OutputStream out, Map<String, String> metadata)
      throws IOException {
    BufferedImage image = toImage(figure);
    if (metadata.isEmpty()) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available in this JDK's ImageIO");
      }
      return;
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
    IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
    String nativeFormat = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = new IIOMetadataNode(nativeFormat);
    IIOMetadataNode text = new IIOMetadataNode("tEXt");
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
      entry.setAttribute("keyword", latin1Keyword(e.getKey()));
      entry.setAttribute("value", e.getValue());
      text.appendChild(entry);
    }
    root.appendChild(text);
    meta.mergeTree(nativeFormat, root);
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(new IIOImage(image, null, meta));
    } finally {
      writer.dispose();
    }
  }

  /** PNG keywords are 1–79 Latin-1 characters. */
  private static String latin1Keyword(String key) {
    String k = key.replaceAll("[^\\x20-\\x7e]", "_");
    return k.isEmpty() ? "key" : k.length() > 79 ? k.substring(0, 79) : k;
  }

  private static void renderSvg(Figure figure, OutputStream out, Map<String, String> metadata)
      throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    prepare(g, figure);
    figure.paint(g, ImageFormat.SVG);
    g.dispose();
    PageSize page = new PageSize(0, 0, figure.width(), figure.height());
    if (metadata.isEmpty()) {
      Processors.get("svg").getDocument(g.getCommands(), page).writeTo(out);
      return;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    Processors.get("svg").getDocument(g.getCommands(), page).writeTo(buffer);
    String svg = buffer.toString(StandardCharsets.UTF_8);
    int open = svg.indexOf("<svg");
    int end = open < 0 ? -1 : svg.indexOf('>', open);
    if (end < 0) {
      throw new IOException("SVG writer produced no <svg> element");
    }
    StringBuilder md = new StringBuilder("\n<metadata>");
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      md.append('\n').append(xml(e.getKey())).append(": ").append(xml(e.getValue()));
    }
    md.append("\n</metadata>");
    out.write(svg.substring(0, end + 1).getBytes(StandardCharsets.UTF_8));
    out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    out.write(svg.substring(end + 1).getBytes(StandardCharsets.UTF_8));
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void prepare(Graphics2D g, Figure figure) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, figure.width(), figure.height());
  }

  private static void writeAtomically(
      Figure figure, ImageFormat format, Path dir, Path target, Map<String, String> metadata)
      throws IOException {
    // a dot-prefixed name keeps the partial file out of globs such as *.png; not
    // Files.createTempFile, whose owner-only permissions the figure would keep after the move
    Path temp =
        dir.resolve(
            "." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
    try {
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16)) {
        render(figure, format, out, metadata);
      }
      Files.move(
          temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void checkBaseName(String baseName) {
    Objects.requireNonNull(baseName, "baseName");
    if (baseName.isBlank()
        || baseName.contains("/")
        || baseName.contains("\\")
        || baseName.equals(".")
        || baseName.equals("..")) {
      throw new IllegalArgumentException(
          "figure base name must be a plain file name without extension, got \"" + baseName + "\"");
    }
  }
}
