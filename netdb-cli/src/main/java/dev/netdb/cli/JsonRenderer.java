package dev.netdb.cli;

/** Renders outcomes as the JSON lines of SPEC §4.3. */
final class JsonRenderer {
  private JsonRenderer() {}

  /** Appends one outcome as a line {@code {"call": ARGS, "result": VALUE}} or with "error". */
  static void render(StringBuilder out, Outcome o) {
    out.append("{\"call\": ");
    if (o.args() == null) {
      out.append("null");
    } else if (o.args() instanceof JsonReader.Arguments a && a.json() != null) {
      out.append(a.json()); // the line read was already the JSON of its arguments
    } else {
      JsonWriter.array(out, o.args());
    }
    switch (o) {
      case Outcome.Returned r -> {
        out.append(", \"result\": ");
        JsonWriter.write(out, r.value());
      }
      case Outcome.Raised r -> error(out, r.error().type(), r.error().code(), r.error().pyMessage());
      case Outcome.Malformed m -> error(out, m.type(), null, m.message());
    }
    out.append("}\n");
  }

  private static void error(StringBuilder out, String type, Integer code, String message) {
    out.append(", \"error\": {\"type\": ");
    JsonWriter.string(out, type);
    out.append(", \"code\": ").append(code == null ? "null" : code.toString());
    out.append(", \"message\": ");
    JsonWriter.string(out, message);
    out.append('}');
  }
}
