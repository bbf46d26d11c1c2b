package dev.netdb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bash and zsh completion scripts from the command table ({@link Usage}): commands,
 * global options and their values, each command's options, and the socket constants where a
 * value is one ({@code --family AF_<TAB>}, {@code --flags AI_PASSIVE,AI_<TAB>}, {@code inet_pton
 * AF_<TAB>}). The build writes them to {@code target/completion/}; {@code netdb completion
 * bash|zsh} prints them.
 */
final class ShellCompletion {
  private ShellCompletion() {}

  /** Returns the bash script; it defines {@code _netdb} and registers it for {@code netdb}. */
  static String bash() {
    StringBuilder sb = new StringBuilder();
    sb.append("# bash completion for netdb; generated from its command table (netdb completion"
        + " bash).\n# Install: netdb completion bash > ~/.local/share/bash-completion/"
        + "completions/netdb\n\n");
    sb.append("""
        # Completes the last item of a comma-separated list in $cur from the words in $1.
        _netdb_list() {
          local head=
          [[ $cur == *,* ]] && head=${cur%,*},
          COMPREPLY=($(compgen -P "$head" -W "$1" -- "${cur##*,}"))
        }

        _netdb() {
          local cur=${COMP_WORDS[COMP_CWORD]} prev=
          (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
          local i=1 w cmd= npos=0
          # Find the command past the global options, and count its positional arguments.
          while (( i < COMP_CWORD )); do
            w=${COMP_WORDS[i]}
            if [[ -z $cmd ]]; then
              case $w in
        """);
    sb.append("        ").append(join(valueOptions(Usage.OPTIONS), "|")).append(") ((i++)) ;;\n");
    sb.append("""
                -*) ;;
                *) cmd=$w ;;
              esac
            else
              case "$cmd $w" in
        """);
    List<String> commandValueOptions = new ArrayList<>();
    for (Usage.Entry e : Usage.COMMANDS) {
      for (String o : valueOptions(e.options())) {
        commandValueOptions.add("\"" + e.name() + " " + o + "\"");
      }
    }
    if (!commandValueOptions.isEmpty()) {
      sb.append("        ").append(join(commandValueOptions, "|")).append(") ((i++)) ;;\n");
    }
    sb.append("""
                *) [[ $w == -* ]] || ((npos++)) ;;
              esac
            fi
            ((i++))
          done
          if [[ -z $cmd ]]; then
            case $prev in
        """);
    valueCases(sb, Usage.OPTIONS, "      ");
    sb.append("""
            esac
            if [[ $cur == -* ]]; then
        """);
    sb.append("      COMPREPLY=($(compgen -W \"").append(join(optionNames(Usage.OPTIONS), " "))
        .append("\" -- \"$cur\"))\n");
    sb.append("    else\n");
    sb.append("      COMPREPLY=($(compgen -W \"").append(join(Usage.names(), " "))
        .append("\" -- \"$cur\"))\n");
    sb.append("""
            fi
            return 0
          fi
          case $cmd in
        """);
    for (Usage.Entry e : Usage.COMMANDS) {
      Usage.Values first = e.args().isEmpty() ? Usage.Values.NONE : e.args().get(0).values();
      if (e.options().isEmpty() && first == Usage.Values.NONE) {
        continue;
      }
      sb.append("    ").append(e.name()).append(")\n");
      if (!e.options().isEmpty()) {
        sb.append("      case $prev in\n");
        valueCases(sb, e.options(), "        ");
        sb.append("      esac\n");
      }
      List<String> options = optionNames(e.options());
      options.add("--help");
      sb.append("      if [[ $cur == -* ]]; then\n")
          .append("        COMPREPLY=($(compgen -W \"").append(join(options, " "))
          .append("\" -- \"$cur\"))\n");
      if (first != Usage.Values.NONE) {
        sb.append("      elif (( npos == 0 )); then\n        ");
        complete(sb, first);
      }
      sb.append("      fi\n      ;;\n");
    }
    sb.append("""
            *)
              [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help" -- "$cur"))
              ;;
          esac
          return 0
        }

        complete -F _netdb netdb
        """);
    return sb.toString();
  }

  /** Returns the zsh script, a {@code #compdef netdb} function file named {@code _netdb}. */
  static String zsh() {
    StringBuilder sb = new StringBuilder();
    sb.append("#compdef netdb\n# zsh completion for netdb; generated from its command table"
        + " (netdb completion zsh).\n# Install: netdb completion zsh > ~/.zfunc/_netdb, with"
        + " fpath=(~/.zfunc $fpath) before compinit.\n\n");
    sb.append("local curcontext=$curcontext state line ret=1\ntypeset -A opt_args\n");
    sb.append("local -a commands\ncommands=(\n");
    for (Usage.Entry e : Usage.COMMANDS) {
      sb.append("  ").append(zshQuote(e.name() + ":" + e.summary().replace(":", "\\:")))
          .append('\n');
    }
    sb.append(")\n\n_arguments -C \\\n");
    for (Usage.Option o : Usage.OPTIONS) {
      sb.append("  ").append(zshOptionSpec(o)).append(" \\\n");
    }
    sb.append("  '1:command:->command' \\\n  '*::argument:->argument' && ret=0\n\n");
    sb.append("case $state in\n  command)\n"
        + "    _describe -t commands 'netdb command' commands && ret=0\n    ;;\n"
        + "  argument)\n    case $words[1] in\n");
    for (Usage.Entry e : Usage.COMMANDS) {
      Usage.Values first = e.args().isEmpty() ? Usage.Values.NONE : e.args().get(0).values();
      sb.append("      ").append(e.name()).append(")\n        _arguments \\\n");
      for (Usage.Option o : e.options()) {
        sb.append("          ").append(zshOptionSpec(o)).append(" \\\n");
      }
      sb.append("          '--help[print the help of ").append(e.name()).append("]' \\\n");
      if (first == Usage.Values.COMMAND) {
        sb.append("          '1:command:->command' && ret=0\n");
        sb.append("        [[ $state == command ]] && _describe -t commands 'netdb command'"
            + " commands && ret=0\n");
      } else if (first != Usage.Values.NONE) {
        sb.append("          ").append(zshQuote("1:" + e.args().get(0).name().toLowerCase()
            + ":" + zshAction(first))).append(" \\\n");
        sb.append("          '*: :_default' && ret=0\n");
      } else {
        sb.append("          '*: :_default' && ret=0\n");
      }
      sb.append("        ;;\n");
    }
    sb.append("    esac\n    ;;\nesac\n\nreturn ret\n");
    return sb.toString();
  }

  private static String zshOptionSpec(Usage.Option o) {
    boolean repeatable = o.text().contains("(repeatable)");
    String text = o.text().replace("[", "(").replace("]", ")").replace(":", "\\:");
    StringBuilder spec = new StringBuilder();
    spec.append(repeatable ? "*" : "").append(o.name()).append('[').append(text).append(']');
    if (o.value() != null) {
      spec.append(':').append(o.value().toLowerCase().replace(":", "\\:")).append(':')
          .append(zshAction(o.values()));
    }
    return zshQuote(spec.toString());
  }

  private static String zshAction(Usage.Values v) {
    if (v == Usage.Values.FILE) {
      return "_files";
    }
    if (v.words().isEmpty()) {
      return " ";
    }
    if (v.commaList()) {
      return "_values -s , " + v.name().toLowerCase() + " " + join(v.words(), " ");
    }
    return "(" + join(v.words(), " ") + ")";
  }

  private static String zshQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Appends the bash cases that complete the value of each option taking one. */
  private static void valueCases(StringBuilder sb, List<Usage.Option> options, String indent) {
    for (Usage.Option o : options) {
      if (o.value() == null) {
        continue;
      }
      sb.append(indent).append(o.name()).append(")\n").append(indent).append("  ");
      complete(sb, o.values());
      sb.append(indent).append("  return 0 ;;\n");
    }
  }

  /** Appends the bash line that fills COMPREPLY for a value. */
  private static void complete(StringBuilder sb, Usage.Values v) {
    if (v == Usage.Values.FILE) {
      sb.append("compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))\n");
    } else if (v.commaList()) {
      sb.append("_netdb_list \"").append(join(v.words(), " ")).append("\"\n");
    } else if (v.words().isEmpty()) {
      sb.append("COMPREPLY=()\n");
    } else {
      sb.append("COMPREPLY=($(compgen -W \"").append(join(v.words(), " "))
          .append("\" -- \"$cur\"))\n");
    }
  }

  private static List<String> valueOptions(List<Usage.Option> options) {
    List<String> names = new ArrayList<>();
    for (Usage.Option o : options) {
      if (o.value() != null) {
        names.add(o.name());
      }
    }
    return names;
  }

  private static List<String> optionNames(List<Usage.Option> options) {
    List<String> names = new ArrayList<>();
    for (Usage.Option o : options) {
      names.add(o.name());
    }
    return names;
  }

  private static String join(List<String> words, String separator) {
    return String.join(separator, words);
  }
}
