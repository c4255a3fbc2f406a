package org.izhsim.plot;

/**
 * Switches AWT to headless mode before anything in this package touches it, so figures render
 * on servers and in CI without a display. A caller that already chose a mode keeps it.
 */
final class Headless {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Headless() {}

  /** Forces this class's initializer to run; call it from every static initializer here. */
  static void ensure() {
    // the static initializer above does the work
  }
}
