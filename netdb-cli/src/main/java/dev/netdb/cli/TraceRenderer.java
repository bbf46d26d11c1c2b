package dev.netdb.cli;

import dev.netdb.trace.Trace;
import dev.netdb.trace.TraceStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the steps of a {@link Trace} for {@code explain}: as JSON objects with a {@code "step"}
 * field, and as text that reads top to bottom (one step a line, a label column, as {@code
 * resolvectl query} and {@code dig +trace} print). Both are exhaustive switches over the one step
 * model, so they cannot drift.
 */
final class TraceRenderer {
  private TraceRenderer() {}

  /** The RFC 3484 rules by number, as glibc's {@code rfc3484_compare} names them. */
  static String ruleName(int rule) {
    return switch (rule) {
      case 1 -> "avoid unusable destinations";
      case 2 -> "prefer matching scope";
      case 3 -> "avoid deprecated addresses";
      case 5 -> "prefer matching label";
      case 6 -> "prefer higher precedence";
      case 7 -> "prefer native transport";
      case 8 -> "prefer smaller scope";
      case 9 -> "use longest matching prefix";
      case 10 -> "keep the original order";
      default -> "rule " + rule;
    };
  }

  /** Returns one step as a JSON object. */
  static PyValue json(TraceStep step) {
    Map<String, PyValue> m = new LinkedHashMap<>();
    m.put("step", PyValue.str(step.step()));
    switch (step) {
      case TraceStep.Config c -> {
        Map<String, PyValue> files = new LinkedHashMap<>();
        new TreeMap<>(c.files()).forEach((k, v) -> files.put(k, PyValue.str(v)));
        m.put("files", new PyValue.PyDict(files));
        m.put("nameservers", PyValue.strList(c.nameservers()));
        m.put("options", PyValue.strList(c.options()));
        m.put("search", PyValue.strList(c.search()));
        m.put("ndots", PyValue.PyInt.of(c.ndots()));
      }
      case TraceStep.Hosts h -> {
        m.put("file", PyValue.str(h.file()));
        m.put("name", PyValue.str(h.name()));
        m.put("hit", new PyValue.PyBool(h.hit()));
        m.put("line", h.hit() ? PyValue.PyInt.of(h.line()) : PyValue.PyNone.NONE);
      }
      case TraceStep.Nss n -> {
        m.put("database", PyValue.str(n.database()));
        m.put("sources", PyValue.strList(n.sources()));
        m.put("answered_by", PyValue.str(n.answeredBy()));
        m.put("reason", PyValue.str(n.reason()));
      }
      case TraceStep.CachedAnswer a -> {
        m.put("host", PyValue.str(a.host()));
        m.put("state", PyValue.str(a.state()));
        m.put("kind", a.kind().isEmpty() ? PyValue.PyNone.NONE : PyValue.str(a.kind()));
        m.put("ttl_remaining_ms", PyValue.PyInt.of(a.ttlRemainingMillis()));
        m.put("expired_ms", PyValue.PyInt.of(a.expiredMillis()));
      }
      case TraceStep.Joined j -> {
        m.put("qname", PyValue.str(j.qname()));
        m.put("qtype", PyValue.str(j.qtype()));
        m.put("server", j.server().isEmpty() ? PyValue.PyNone.NONE : PyValue.str(j.server()));
        m.put("rcode", j.rcode() == null ? PyValue.PyNone.NONE : PyValue.str(j.rcode()));
        m.put("elapsed_us", PyValue.PyInt.of(j.elapsedMicros()));
      }
      case TraceStep.Cache c -> {
        m.put("qname", PyValue.str(c.qname()));
        m.put("qtype", PyValue.str(c.qtype()));
        m.put("hit", new PyValue.PyBool(c.hit()));
        m.put("ttl_remaining_ms", PyValue.PyInt.of(c.ttlRemainingMillis()));
      }
      case TraceStep.Query q -> {
        m.put("qname", PyValue.str(q.qname()));
        m.put("qtype", PyValue.str(q.qtype()));
        m.put("server", PyValue.str(q.server()));
        m.put("transport", PyValue.str(q.transport()));
        m.put("attempt", PyValue.PyInt.of(q.attempt()));
        m.put("outcome", PyValue.str(q.outcome()));
        m.put("rcode", q.rcode() == null ? PyValue.PyNone.NONE : PyValue.str(q.rcode()));
        m.put("answers", PyValue.PyInt.of(q.answers()));
        m.put("min_ttl", q.minTtl() < 0 ? PyValue.PyNone.NONE : PyValue.PyInt.of(q.minTtl()));
        m.put("tc", new PyValue.PyBool(q.truncated()));
        m.put("elapsed_us", PyValue.PyInt.of(q.elapsedMicros()));
      }
      case TraceStep.Cname c -> {
        m.put("qname", PyValue.str(c.qname()));
        m.put("chain", PyValue.strList(c.chain()));
      }
      case TraceStep.Sort s -> {
        m.put("first", PyValue.str(s.first()));
        m.put("second", PyValue.str(s.second()));
        m.put("rule", PyValue.PyInt.of(s.rule()));
        m.put("reason", PyValue.str(ruleName(s.rule())));
      }
      case TraceStep.Result r -> {
        m.put("addresses", PyValue.strList(r.addresses()));
        m.put("canonname", PyValue.str(r.canonicalName()));
      }
      case TraceStep.Failure f -> {
        m.put("type", PyValue.str(f.type()));
        m.put("code", f.code() == null ? PyValue.PyNone.NONE : PyValue.PyInt.of(f.code()));
        m.put("message", PyValue.str(f.message()));
      }
    }
    return new PyValue.PyDict(m);
  }

  /** Returns the text of a whole explanation: a heading, one line per step, the OS comparison. */
  static String text(String label, Trace trace, ExplainCommand.Comparison os) {
    StringBuilder sb = new StringBuilder();
    sb.append("explain ").append(label).append('\n');
    for (TraceStep s : trace.steps()) {
      line(sb, s);
    }
    sb.append(String.format("%-12s  ", "os"));
    if (os.route() != null) {
      TraceStep.Nss n = os.route();
      sb.append("route: ").append(n.database()).append(": ").append(String.join(" ", n.sources()))
          .append(" -> ").append(n.answeredBy()).append(" (").append(n.reason()).append(")\n")
          .append(" ".repeat(14));
    }
    if (!os.available()) {
      sb.append("not compared: the OS back end is not available here\n");
    } else if (os.agrees()) {
      sb.append("same: the OS back end gives the same answer\n");
    } else {
      sb.append("DIFFERENT from the OS back end:\n");
      os.differences().forEach(d -> sb.append("              ").append(d).append('\n'));
    }
    return sb.toString();
  }

  /** Returns milliseconds as seconds for people: {@code 59.250 s}. */
  private static String seconds(long millis) {
    return String.format("%d.%03d s", millis / 1000, millis % 1000);
  }

  private static void line(StringBuilder sb, TraceStep step) {
    sb.append(String.format("%-12s  ", step.step()));
    switch (step) {
      case TraceStep.Config c -> {
        sb.append("files:");
        new TreeMap<>(c.files()).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append("\n              nameservers: ").append(String.join(" ", c.nameservers()));
        sb.append("\n              options: ").append(String.join(" ", c.options()));
        sb.append("\n              search: ").append(c.search().isEmpty() ? "(none)" : String.join(" ", c.search()));
      }
      case TraceStep.Hosts h -> sb.append(h.name()).append(": ")
          .append(h.hit() ? h.file() + " line " + h.line() : "not in " + h.file());
      case TraceStep.Nss n -> sb.append(n.database()).append(": ")
          .append(n.sources().isEmpty() ? "(no sources)" : String.join(" ", n.sources()))
          .append(" -> ").append(n.answeredBy()).append(" (").append(n.reason()).append(')');
      case TraceStep.CachedAnswer a -> {
        sb.append(a.host()).append(": ");
        String kind = a.kind().isEmpty() ? "" : a.kind() + " ";
        switch (a.state()) {
          case "hit" -> sb.append("hit, ").append(kind).append("answer fresh for ").append(seconds(a.ttlRemainingMillis()));
          case "miss" -> sb.append("miss");
          case "expired" -> sb.append("expired ").append(seconds(a.expiredMillis()))
              .append(" ago, refreshing (stale on failure)");
          case "stale" -> sb.append("stale answer served (RFC 8767), expired ").append(seconds(a.expiredMillis()))
              .append(" ago");
          case "joined" -> sb.append("joined the identical lookup in flight");
          default -> sb.append(a.state());
        }
      }
      case TraceStep.Joined j -> {
        sb.append(j.qname()).append(' ').append(j.qtype()).append(": joined the query in flight");
        if (!j.server().isEmpty()) {
          sb.append(" @").append(j.server());
        }
        sb.append(j.rcode() == null ? ", no reply" : ", " + j.rcode())
            .append(String.format(", %.3f ms", j.elapsedMicros() / 1000.0));
      }
      case TraceStep.Cache c -> sb.append(c.qname()).append(' ').append(c.qtype()).append(": ")
          .append(c.hit() ? "hit, fresh for " + c.ttlRemainingMillis() / 1000 + " s" : "miss");
      case TraceStep.Query q -> {
        sb.append(q.qname()).append(' ').append(q.qtype()).append(" @").append(q.server())
            .append(' ').append(q.transport()).append(" attempt ").append(q.attempt()).append(": ");
        switch (q.outcome()) {
          case "reply" -> {
            sb.append(q.rcode()).append(", ").append(q.answers())
                .append(q.answers() == 1 ? " answer" : " answers");
            if (q.minTtl() >= 0) {
              sb.append(", min TTL ").append(q.minTtl());
            }
            if (q.truncated()) {
              sb.append(", TC");
            }
          }
          case "timeout" -> sb.append("no reply (timeout)");
          default -> sb.append("failed (").append(q.outcome()).append(')');
        }
        sb.append(String.format(", %.3f ms", q.elapsedMicros() / 1000.0));
      }
      case TraceStep.Cname c -> sb.append(String.join(" -> ", c.chain()));
      case TraceStep.Sort s -> sb.append(s.first()).append(" before ").append(s.second())
          .append(" (rule ").append(s.rule()).append(": ").append(ruleName(s.rule())).append(')');
      case TraceStep.Result r -> {
        sb.append(String.join(" ", r.addresses()));
        if (!r.canonicalName().isEmpty()) {
          sb.append(" (canonical name ").append(r.canonicalName()).append(')');
        }
      }
      case TraceStep.Failure f -> sb.append(f.type()).append(": ")
          .append(f.code() == null ? f.message() : "[Errno " + f.code() + "] " + f.message());
    }
    sb.append('\n');
  }
}
