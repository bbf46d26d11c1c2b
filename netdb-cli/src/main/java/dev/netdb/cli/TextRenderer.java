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
    // instanceof chains rather than pattern switches on this class's paths: every type switch
    // spins a class at its first use (0.3-3 ms each here) that the JDK 25 AOT cache does not keep,
    // and text rendering is on every command's start path. A new Outcome or PyValue kind fails
    // the casts at the end of each chain, and TextRendererTest renders every kind.
    String error;
    PyValue value = null;
    if (outcome instanceof Outcome.Returned r) {
      error = null;
      value = r.value();
    } else if (outcome instanceof Outcome.Raised r) {
      error = "ERROR: " + r.error().pythonStr();
    } else {
      error = "ERROR: " + ((Outcome.Malformed) outcome).message();
    }
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
    if (v instanceof PyValue.PyStr s) {
      return s.value();
    } else if (v instanceof PyValue.PyBytes b) {
      return JsonWriter.hex(b.value());
    } else if (v instanceof PyValue.PyEnum e) {
      return e.name();
    }
    return repr(v);
  }

  /** Returns Python's {@code repr()} of a value, with bytes as hex and enum members by name. */
  static String repr(PyValue v) {
    StringBuilder b = new StringBuilder();
    repr(b, v);
    return b.toString();
  }

  private static void repr(StringBuilder b, PyValue v) {
    if (v instanceof PyValue.PyNone) {
      b.append("None");
    } else if (v instanceof PyValue.PyBool x) {
      b.append(x.value() ? "True" : "False");
    } else if (v instanceof PyValue.PyInt i) {
      b.append(i.value());
    } else if (v instanceof PyValue.PyFloat f) {
      b.append(JsonWriter.floatRepr(f.value(), false));
    } else if (v instanceof PyValue.PyStr s) {
      quote(b, s.value());
    } else if (v instanceof PyValue.PyBytes x) {
      b.append(JsonWriter.hex(x.value()));
    } else if (v instanceof PyValue.PyEnum e) {
      b.append(e.name());
    } else if (v instanceof PyValue.PyTuple t) {
      b.append('(');
      items(b, t.items());
      b.append(t.items().size() == 1 ? ",)" : ")");
    } else if (v instanceof PyValue.PyList l) {
      b.append('[');
      items(b, l.items());
      b.append(']');
    } else {
      PyValue.PyDict d = (PyValue.PyDict) v;
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
