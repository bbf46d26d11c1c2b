package dev.netdb.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Walks the search list as glibc 2.36 {@code res_search} ({@code resolv/res_query.c}) does:
 *
 * <ol>
 *   <li>if the name has at least {@code ndots} dots, or a trailing dot, it is tried as-is first;
 *       with a trailing dot nothing else is tried;
 *   <li>then name + each search domain; NXDOMAIN and NODATA go on, SERVFAIL goes on, any other
 *       failure (timeout, REFUSED, FORMERR) ends the search loop; a root domain in the list means
 *       "as-is" and is skipped if as-is was already tried;
 *   <li>then the name as-is, unless it was tried already, or it has no dot, was searched and
 *       {@code no-tld-query} is set.
 * </ol>
 *
 * On failure the error is the one of the as-is-first try if there was one, else {@code NO_DATA} if
 * any try gave NODATA, else {@code TRY_AGAIN} if any gave SERVFAIL, else the last try's. A reply
 * with answer records that hold nothing usable ends the walk at once with its own error: {@code
 * res_search} has returned it as an answer.
 * {@code HOSTALIASES} is not supported. Each step's lookup is a function so the walk is tested
 * without sockets.
 */
final class SearchList {
  private SearchList() {}

  /**
   * The outcome of trying one fully qualified name: a value, or a failure code.
   *
   * @param servfail the failure was SERVFAIL (the search goes on)
   * @param transportFailed no usable reply arrived (SERVFAIL, REFUSED, timeout): glibc's {@code
   *     res_send} leaves {@code errno} at {@code ETIMEDOUT}, which {@code nss_dns} turns into
   *     {@code NSS_STATUS_UNAVAIL}; after a reply that was read (NXDOMAIN, NODATA, an answer) it
   *     is {@code NSS_STATUS_NOTFOUND}
   * @param conclusive a NOERROR reply with answer records that gave nothing usable (only CNAMEs,
   *     a CNAME loop): {@code res_search} returns it as a success and stops, and {@code
   *     getanswer_r} then fails with {@code NO_RECOVERY}
   */
  record Try<T>(
      T value, DnsError error, boolean servfail, boolean transportFailed, boolean conclusive) {
    static <T> Try<T> found(T value) {
      return new Try<>(value, null, false, false, false);
    }

    static <T> Try<T> failed(DnsError error, boolean servfail) {
      return new Try<>(null, error, servfail, error == DnsError.TRY_AGAIN, false);
    }

    static <T> Try<T> failed(DnsError error, boolean servfail, boolean transportFailed) {
      return new Try<>(null, error, servfail, transportFailed, false);
    }

    static <T> Try<T> unusable(DnsError error) {
      return new Try<>(null, error, false, false, true);
    }
  }

  /**
   * The result of the walk: the first found value, or glibc's error; {@code lastTransportFailed}
   * tells whether the last name tried got no usable reply (see {@link Try#transportFailed});
   * {@code leftover} is what {@code res_search} left in the thread's {@code h_errno} when it
   * returned a value: HOST_NOT_FOUND, which it sets before the first query, or the code of the
   * last name that failed before the one that answered ({@code RES_SET_H_ERRNO} in {@code
   * __res_context_query}); null with an error, whose code is what it leaves.
   */
  record Result<T>(T value, DnsError error, boolean lastTransportFailed, DnsError leftover) {}

  /** Walks the list for {@code name}; {@code attempt} looks up one fully qualified name. */
  static <T> CompletableFuture<Result<T>> walk(
      String name, ResolverConfig cfg, Function<String, CompletableFuture<Try<T>>> attempt) {
    return new Walk<>(name, cfg, attempt).start();
  }

  private static final class Walk<T> {
    final String name;
    final ResolverConfig cfg;
    final Function<String, CompletableFuture<Try<T>>> attempt;
    final int dots;
    final boolean trailingDot;
    final String bare;
    DnsError savedError;
    DnsError lastError = DnsError.HOST_NOT_FOUND;
    boolean triedAsIs;
    boolean rootOnList;
    boolean searched;
    boolean gotNodata;
    boolean gotServfail;
    boolean lastTransportFailed;

    Walk(String name, ResolverConfig cfg, Function<String, CompletableFuture<Try<T>>> attempt) {
      this.name = name;
      this.cfg = cfg;
      this.attempt = attempt;
      this.dots = DnsName.countDots(name);
      this.trailingDot = name.endsWith(".");
      this.bare = trailingDot ? name.substring(0, name.length() - 1) : name;
    }

    CompletableFuture<Result<T>> start() {
      if (dots >= cfg.ndots() || trailingDot) {
        return attempt.apply(bare).thenCompose(t -> {
          if (t.value() != null) return done(t.value());
          lastError = t.error();
          lastTransportFailed = t.transportFailed();
          if (trailingDot || t.conclusive()) return fail(t.error());
          savedError = t.error();
          triedAsIs = true;
          return search(0);
        });
      }
      return search(0);
    }

    /** The search loop, from domain {@code i}; glibc runs it unless the name has a trailing dot. */
    CompletableFuture<Result<T>> search(int i) {
      List<String> domains = cfg.search();
      if (i >= domains.size()) return last();
      searched = true;
      String domain = domains.get(i);
      boolean root = domain.isEmpty() || domain.equals(".");
      if (root) {
        rootOnList = true;
        if (triedAsIs) return search(i + 1);
      }
      String fqdn = root ? bare : bare + "." + domain;
      return attempt.apply(fqdn).thenCompose(t -> {
        if (t.value() != null) return done(t.value());
        lastError = t.error();
        lastTransportFailed = t.transportFailed();
        if (t.conclusive()) return fail(t.error());
        switch (t.error()) {
          case NO_DATA -> gotNodata = true;
          case HOST_NOT_FOUND -> {}
          case TRY_AGAIN -> {
            if (!t.servfail()) return last(); // a timeout or refusal ends the loop ("done++")
            gotServfail = true;
          }
          case NO_RECOVERY, FINAL_RCODE, STREAM_BROKEN, EMFILE, ENFILE -> {
            return last();
          }
        }
        return search(i + 1);
      });
    }

    CompletableFuture<Result<T>> last() {
      boolean tldAllowed = dots > 0 || !searched || !cfg.noTldQuery();
      if (tldAllowed && !(triedAsIs || rootOnList)) {
        return attempt.apply(bare).thenCompose(t -> {
          if (t.value() != null) return done(t.value());
          lastError = t.error();
          lastTransportFailed = t.transportFailed();
          return fail(t.conclusive() ? t.error() : null);
        });
      }
      return fail(null);
    }

    CompletableFuture<Result<T>> done(T value) {
      return CompletableFuture.completedFuture(new Result<>(value, null, false, lastError));
    }

    CompletableFuture<Result<T>> fail(DnsError direct) {
      DnsError e;
      if (direct != null) {
        e = direct;
      } else if (savedError != null) {
        e = savedError;
      } else if (gotNodata) {
        e = DnsError.NO_DATA;
      } else if (gotServfail) {
        e = DnsError.TRY_AGAIN;
      } else {
        e = lastError;
      }
      return CompletableFuture.completedFuture(new Result<>(null, e, lastTransportFailed, null));
    }
  }
}
