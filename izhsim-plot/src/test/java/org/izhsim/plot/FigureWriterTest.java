package org.izhsim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FigureWriterTest {

  private static Map<String, Figure> samples;

  @BeforeAll
  static void makeSamples() {
    samples = SampleFigures.all();
  }

  static Stream<Arguments> figures() {
    if (samples == null) {
      samples = SampleFigures.all();
    }
    return samples.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("figures")
  void everyFigureWritesAReadablePngAndAnSvgAndNothingElse(
      String name, Figure figure, @TempDir Path dir) throws IOException {
    List<Path> written = FigureWriter.write(figure, dir, name, EnumSet.allOf(ImageFormat.class));

    assertEquals(List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg")), written);
    BufferedImage image = ImageIO.read(written.get(0).toFile());
    assertNotNull(image, "ImageIO cannot read " + written.get(0));
    assertEquals(figure.width(), image.getWidth());
    assertEquals(figure.height(), image.getHeight());
    assertTrue(hasInk(image), "the PNG is blank");

    String svg = Files.readString(written.get(1), StandardCharsets.UTF_8);
    assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
    assertTrue(svg.contains("<svg"));
    assertTrue(svg.contains("<path") || svg.contains("<line") || svg.contains("<polyline"));
    assertTrue(svg.contains("viewBox=\"0 0 " + figure.width() + " " + figure.height() + "\""));

    assertEquals(Set.of(name + ".png", name + ".svg"), fileNames(dir));
  }

  @Test
  void aMissingDirectoryFailsWithItsNameAndNoDirectoryIsCreated(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-dir");
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> FigureWriter.write(tiny(), missing, "x", EnumSet.of(ImageFormat.PNG)));
    assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(Files.exists(missing));
  }

  @Test
  void aFileInPlaceOfTheDirectoryFails(@TempDir Path dir) throws IOException {
    Path file = Files.createFile(dir.resolve("plain-file"));
    assertThrows(
        NotDirectoryException.class,
        () -> FigureWriter.write(tiny(), file, "x", EnumSet.of(ImageFormat.SVG)));
  }

  @Test
  void badNamesAndNoFormatsAreRefused(@TempDir Path dir) {
    for (String bad : new String[] {"", "  ", "a/b", "..", "."}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> FigureWriter.write(tiny(), dir, bad, EnumSet.of(ImageFormat.PNG)),
          "base name \"" + bad + "\"");
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FigureWriter.write(tiny(), dir, "x", EnumSet.noneOf(ImageFormat.class)));
    assertTrue(e.getMessage().contains("PNG"), e.getMessage());
  }

  @Test
  void writingAgainReplacesTheFigure(@TempDir Path dir) throws IOException {
    FigureWriter.write(tiny(), dir, "fig", EnumSet.of(ImageFormat.PNG));
    Figure bigger = new Box(300, 200);
    FigureWriter.write(bigger, dir, "fig", EnumSet.of(ImageFormat.PNG));
    assertEquals(300, ImageIO.read(dir.resolve("fig.png").toFile()).getWidth());
    assertEquals(Set.of("fig.png"), fileNames(dir));
  }

  @Test
  void aFigureThatFailsWhilePaintingLeavesTheOldFileAndNoPartialOne(@TempDir Path dir)
      throws IOException {
    FigureWriter.write(tiny(), dir, "fig", EnumSet.allOf(ImageFormat.class));
    byte[] before = Files.readAllBytes(dir.resolve("fig.svg"));
    Figure broken =
        new Box(100, 100) {
          @Override
          public void paint(Graphics2D g, ImageFormat format) {
            super.paint(g, format);
            throw new UncheckedIOException(new IOException("disk pulled mid-figure"));
          }
        };
    assertThrows(
        UncheckedIOException.class,
        () -> FigureWriter.write(broken, dir, "fig", EnumSet.of(ImageFormat.SVG)));
    assertEquals(Set.of("fig.png", "fig.svg"), fileNames(dir));
    assertEquals(new String(before, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("fig.svg"), StandardCharsets.UTF_8));
  }

  /** Regression: temp files from Files.createTempFile are owner-only, and the move kept that. */
  @Test
  void figuresGetTheSamePermissionsAsAnyNewFile(@TempDir Path dir) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    FigureWriter.write(tiny(), dir, "fig", EnumSet.of(ImageFormat.PNG));
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(
        Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("fig.png")));
  }

  @Test
  void renderWritesToAStream() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    FigureWriter.render(tiny(), ImageFormat.PNG, png);
    assertEquals(120, ImageIO.read(new java.io.ByteArrayInputStream(png.toByteArray())).getWidth());
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    FigureWriter.render(tiny(), ImageFormat.SVG, svg);
    assertTrue(svg.toString(StandardCharsets.UTF_8).contains("<svg"));
  }

  @Test
  void renderingIsHeadless() {
    Figures.voltageTrace("t", new double[] {0, 1}, new double[] {-70, -65}, new double[] {0, 1});
    assertEquals("true", System.getProperty("java.awt.headless"));
    assertTrue(GraphicsEnvironment.isHeadless());
  }

  private static Figure tiny() {
    return new Box(120, 80);
  }

  /** A minimal figure: a black square on white. */
  static class Box implements Figure {
    private final int width;
    private final int height;

    Box(int width, int height) {
      this.width = width;
      this.height = height;
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public int height() {
      return height;
    }

    @Override
    public void paint(Graphics2D g, ImageFormat format) {
      g.setColor(java.awt.Color.BLACK);
      g.fill(new java.awt.geom.Rectangle2D.Double(10, 10, 20, 20));
    }
  }

  static boolean hasInk(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          return true;
        }
      }
    }
    return false;
  }

  static Set<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    }
  }
}
