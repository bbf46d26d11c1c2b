// Checks a POM that is about to be published to Maven Central, and the jars beside it:
//   java scripts/CheckPublishedPom.java POM [JAR-PREFIX]
// POM is a module's flattened POM (target/.flattened-pom.xml, written by `./mvnw -Prelease`).
// Central rejects a deployment whose POM lacks any of: groupId, artifactId, version, name,
// description, url, a license (name and url), a developer (name), scm (connection,
// developerConnection, url); this also rejects unresolved ${...} and a <parent> (the flattened
// POM stands alone). For a jar module, JAR-PREFIX
// (target/FINALNAME) names the jars: PREFIX.jar, PREFIX-sources.jar and PREFIX-javadoc.jar must
// exist and not be empty. Prints one line per problem and exits 1 when there is any.
// The release profile runs it at `verify` in every published module.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

void main(String[] args) throws Exception {
  if (args.length < 1 || args.length > 2) {
    System.err.println("usage: java scripts/CheckPublishedPom.java POM [JAR-PREFIX]");
    System.exit(1);
  }
  Path pom = Path.of(args[0]);
  List<String> problems = new ArrayList<>();
  if (!Files.isRegularFile(pom)) {
    problems.add("no POM at " + pom + " (run with -Prelease, which flattens it)");
  } else {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    String artifactId = text(project, "artifactId");
    for (String path : List.of("groupId", "artifactId", "version", "name", "description", "url",
        "licenses/license/name", "licenses/license/url", "developers/developer/name",
        "scm/connection", "scm/developerConnection", "scm/url")) {
      String value = text(project, path);
      if (value == null || value.isBlank()) {
        problems.add("missing <" + path.replace("/", "><") + ">");
      } else if (value.contains("${")) {
        problems.add("unresolved <" + path.replace("/", "><") + ">: " + value);
      }
    }
    if (child(project, "parent") != null) {
      problems.add("has a <parent>: publish the flattened POM, which stands alone");
    }
    String packaging = text(project, "packaging");
    if ((packaging == null || packaging.equals("jar")) && args.length == 2) {
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        Path jar = Path.of(args[1] + suffix);
        if (!Files.isRegularFile(jar) || Files.size(jar) == 0) {
          problems.add("missing " + jar);
        }
      }
    }
  }
  for (String p : problems) {
    System.err.println("CheckPublishedPom: " + pom + ": " + p);
  }
  if (!problems.isEmpty()) {
    System.exit(1);
  }
  System.out.println("CheckPublishedPom: " + pom + ": ok");
}

/** Returns the text of the first element at a slash-separated path below {@code e}, or null. */
String text(Element e, String path) {
  Element at = e;
  for (String name : path.split("/")) {
    at = child(at, name);
    if (at == null) {
      return null;
    }
  }
  return at.getTextContent().strip();
}

/** Returns the first child element of {@code e} with that name, or null. */
Element child(Element e, String name) {
  for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
    if (n instanceof Element c && c.getTagName().equals(name)) {
      return c;
    }
  }
  return null;
}
