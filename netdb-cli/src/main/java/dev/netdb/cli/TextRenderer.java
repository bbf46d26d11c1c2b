package dev.netdb.cli;

import java.util.List;
import java.util.Map;

/**
 * Renders outcomes as text for people, in the layouts of the chapter's example programs; errors
 * read {@code ERROR: <message>}.
 */
final class TextRenderer {
  private TextRenderer() {}

  /** The text layouts of the commands. */
  enum Layout {
    /** The value alone, as {@code gethostname} prints it. */
    PLAIN,
    /** {@code label : value}, labels right-aligned as in {@code socket_getservbyname.py}. */
    LINE,
    /** The block of {@code socket_gethostbyname_ex.py}. */
    HOST_ENTRY,
    /** The blocks of {@code socket_getaddrinfo.py}. */
    ADDRINFO
  }

  /** Appends one outcome; {@code width} is the width that labels are right-aligned to. */
  static void render(StringBuilder out, Layout layout, String label, int width, Outcome outcome) {
    String error = switch (outcome) {
      case Outcome.Raised r -> "ERROR: " + r.error().pythonStr();
      case Outcome.Malformed m -> "ERROR: " + m.message();
      case Outcome.Returned r -> null;
    };
    PyValue value = outcome instanceof Outcome.Returned r ? r.value() : null;
    switch (layout) {
      case PLAIN -> out.append(error != null ? error : str(value)).append('\n');
      case LINE -> {
        pad(out, label, width);
        out.append(" : ").append(error != null ? error : str(value)).append('\n');
      }
      case HOST_ENTRY -> {
        out.append(label).append('\n');
        if (error != null) {
          out.append(error).append('\n');
        } else {
          List<PyValue> t = PyArgs.tuple(value);
          out.append("  Hostname: ").append(str(t.get(0))).append('\n');
          out.append("  Aliases : ").append(repr(t.get(1))).append('\n');
          out.append(" Addresses: ").append(repr(t.get(2))).append('\n');
        }
        out.append('\n');
      }
      case ADDRINFO -> {
        if (error != null) {
          out.append(error).append('\n');
        } else {
          for (PyValue item : ((PyValue.PyList) value).items()) {
            addrinfo(out, PyArgs.tuple(item));
          }
        }
      }
    }
  }

  private static void addrinfo(StringBuilder out, List<PyValue> t) {
    out.append("Family        : ").append(constantName("AF_", t.get(0))).append('\n');
    out.append("Type          : ").append(constantName("SOCK_", t.get(1))).append('\n');
    out.append("Protocol      : ").append(constantName("IPPROTO_", t.get(2))).append('\n');
    out.append("Canonical name: ").append(str(t.get(3))).append('\n');
    out.append("Socket address: ").append(repr(t.get(4))).append('\n');
    out.append('\n');
  }

  /** Returns the name PyMOTW's {@code get_constants(prefix)} gives a value, else the number. */
  private static String constantName(String prefix, PyValue v) {
    int n = PyArgs.index(v).intValue();
    String name = Constants.lastName(prefix, n);
    return name != null ? name : Integer.toString(n);
  }

  private static void pad(StringBuilder out, String s, int width) {
    for (int i = s.length(); i < width; i++) {
      out.append(' ');
    }
    out.append(s);
  }

  /** Returns the label parts joined by a separator, each as {@code str()} shows it. */
  static String joinLabel(List<PyValue> parts, String sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(str(parts.get(i)));
    }
    return b.toString();
  }

  /** Returns Python's {@code str()} of a value, with bytes as hex and enum members by name. */
  static String str(PyValue v) {
    return switch (v) {
      case PyValue.PyStr s -> s.value();
      case PyValue.PyBytes b -> JsonWriter.hex(b.value());
      case PyValue.PyEnum e -> e.name();
      default -> repr(v);
    };
  }

  /** Returns Python's {@code repr()} of a value, with bytes as hex and enum members by name. */
  static String repr(PyValue v) {
    StringBuilder b = new StringBuilder();
    repr(b, v);
    return b.toString();
  }

  private static void repr(StringBuilder b, PyValue v) {
    switch (v) {
      case PyValue.PyNone n -> b.append("None");
      case PyValue.PyBool x -> b.append(x.value() ? "True" : "False");
      case PyValue.PyInt i -> b.append(i.value());
      case PyValue.PyFloat f -> b.append(JsonWriter.floatRepr(f.value(), false));
      case PyValue.PyStr s -> quote(b, s.value());
      case PyValue.PyBytes x -> b.append(JsonWriter.hex(x.value()));
      case PyValue.PyEnum e -> b.append(e.name());
      case PyValue.PyTuple t -> {
        b.append('(');
        items(b, t.items());
        b.append(t.items().size() == 1 ? ",)" : ")");
      }
      case PyValue.PyList l -> {
        b.append('[');
        items(b, l.items());
        b.append(']');
      }
      case PyValue.PyDict d -> {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, PyValue> e : d.entries().entrySet()) {
          b.append(first ? "" : ", ");
          first = false;
          quote(b, e.getKey());
          b.append(": ");
          repr(b, e.getValue());
        }
        b.append('}');
      }
    }
  }

  private static void items(StringBuilder b, List<PyValue> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      repr(b, items.get(i));
    }
  }

  /** Appends a string literal as Python's {@code repr} writes it (quote choice and escapes). */
  private static void quote(StringBuilder b, String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    b.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      } else {
        b.append(c);
      }
    }
    b.append(q);
  }
}
