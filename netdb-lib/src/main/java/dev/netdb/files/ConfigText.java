package dev.netdb.files;

import java.nio.charset.StandardCharsets;

/** Turns a configuration file's bytes into the text its parser reads, as C sees it. */
final class ConfigText {
  private ConfigText() {}

  /**
   * Returns the bytes as ISO-8859-1 text, one char per byte, so no content can make decoding fail
   * and C's byte-wise rules apply unchanged; a missing file ({@code null}) reads as empty.
   */
  static String latin1(byte[] content) {
    return content == null ? "" : new String(content, StandardCharsets.ISO_8859_1);
  }
}
