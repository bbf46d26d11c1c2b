package dev.netdb.cli;

import java.util.List;

/** Python's {@code gethostname()}. */
final class GethostnameCommand implements Command {
  @Override
  public String name() {
    return "gethostname";
  }


  @Override
  public List<List<PyValue>> calls(List<String> words) {
    if (!words.isEmpty()) {
      throw new UsageException("gethostname takes no arguments");
    }
    return List.of(List.of());
  }

  @Override
  public PyValue call(Session session, List<PyValue> args) {
    if (!args.isEmpty()) {
      throw PyError.typeError(
          "_socket.gethostname() takes no arguments (" + args.size() + " given)");
    }
    return PyValue.str(session.netDb().gethostname());
  }

  @Override
  public TextRenderer.Layout layout() {
    return TextRenderer.Layout.PLAIN;
  }
}
