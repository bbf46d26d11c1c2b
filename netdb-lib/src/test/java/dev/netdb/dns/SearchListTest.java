package dev.netdb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the search-list walk against glibc's {@code res_search} rules, without sockets: each row
 * gives the name, ndots, the search list, what each fully qualified name answers (every other
 * name is NXDOMAIN), the names tried in order, and the result.
 */
class SearchListTest {

  @ParameterizedTest(name = "{0} ndots={1} search={2} no-tld={3} answers={4}")
  @CsvSource(delimiter = ';', value = {
    // name;       ndots; search;            no-tld; answers (name=FOUND|NODATA|SERVFAIL|TIMEOUT|REFUSED|CNAMEONLY); tried; result
    "www;          1;     a.test b.test;     false;  ;                                 www.a.test www.b.test www;  HOST_NOT_FOUND",
    "www;          1;     a.test b.test;     false;  www.b.test=FOUND;                 www.a.test www.b.test;      www.b.test",
    "www.x;        1;     a.test;            false;  ;                                 www.x www.x.a.test;         HOST_NOT_FOUND",
    "www.x;        1;     a.test;            false;  www.x=FOUND;                      www.x;                      www.x",
    "www.x;        2;     a.test;            false;  ;                                 www.x.a.test www.x;         HOST_NOT_FOUND",
    "www.x.;       1;     a.test;            false;  ;                                 www.x;                      HOST_NOT_FOUND",
    "www.;         5;     a.test;            false;  ;                                 www;                        HOST_NOT_FOUND",
    "www;          1;     a.test;            true;   ;                                 www.a.test;                 HOST_NOT_FOUND",
    "www.x;        2;     a.test;            true;   ;                                 www.x.a.test www.x;         HOST_NOT_FOUND",
    "www;          0;     a.test;            false;  ;                                 www www.a.test;             HOST_NOT_FOUND",
    // the as-is-first error wins over later ones
    "www.x;        1;     a.test;            false;  www.x=NODATA;                     www.x www.x.a.test;         NO_DATA",
    "www.x;        1;     a.test;            false;  www.x=SERVFAIL;                   www.x www.x.a.test;         TRY_AGAIN",
    // NODATA anywhere in the search beats NXDOMAIN at the end
    "www;          1;     a.test b.test;     false;  www.a.test=NODATA;                www.a.test www.b.test www;  NO_DATA",
    // SERVFAIL goes on; a timeout or REFUSED ends the loop, and the as-is try still follows
    "www;          1;     a.test b.test;     false;  www.a.test=SERVFAIL;              www.a.test www.b.test www;  TRY_AGAIN",
    "www;          1;     a.test b.test;     false;  www.a.test=TIMEOUT;               www.a.test www;             HOST_NOT_FOUND",
    "www;          1;     a.test b.test;     false;  www.a.test=TIMEOUT www=TIMEOUT;   www.a.test www;             TRY_AGAIN",
    "www;          1;     a.test b.test;     false;  www.a.test=REFUSED www=REFUSED;   www.a.test www;             TRY_AGAIN",
    // a root domain in the list means as-is, and then no final as-is try
    "www;          1;     a.test . b.test;   false;  ;                                 www.a.test www www.b.test;  HOST_NOT_FOUND",
    "www.x;        1;     . a.test;          false;  ;                                 www.x www.x.a.test;         HOST_NOT_FOUND",
    "www;          1;     ;                  false;  ;                                 www;                        HOST_NOT_FOUND",
    "www;          1;     ;                  true;   ;                                 www;                        HOST_NOT_FOUND",
  })
  void walksAsGlibc(String name, int ndots, String search, boolean noTld, String answers, String tried, String result) {
    SearchList.Result<String> r = walk(name, ndots, search, noTld, answers, tried);
    assertThat(r.value() != null ? r.value() : r.error().name()).isEqualTo(result);
  }

  /**
   * Checks what decides getaddrinfo's AF_INET answer after a failed walk: whether the last name
   * tried got a usable reply ({@code notfound}: nss_dns returns NSS_STATUS_NOTFOUND) or none
   * ({@code unavail}: SERVFAIL, REFUSED or a timeout leave errno at ETIMEDOUT), and that a reply
   * with only CNAMEs ends the walk where it came (res_search returned it as an answer).
   */
  @ParameterizedTest(name = "{0} search={2} answers={4}")
  @CsvSource(delimiter = ';', value = {
    // name;  ndots; search;          no-tld; answers;                                   tried;                      result
    "www;     1;     s.test a.test;   false;  www.s.test=SERVFAIL;                       www.s.test www.a.test www;  TRY_AGAIN notfound",
    "www;     1;     a.test s.test;   false;  www.s.test=SERVFAIL www=SERVFAIL;          www.a.test www.s.test www;  TRY_AGAIN unavail",
    "www;     1;     a.test r.test;   false;  www.r.test=REFUSED www=REFUSED;            www.a.test www.r.test www;  TRY_AGAIN unavail",
    "www.x;   1;     a.test;          false;  www.x=REFUSED;                             www.x www.x.a.test;         TRY_AGAIN notfound",
    "www;     1;     a.test;          false;  www=NODATA;                                www.a.test www;             NO_DATA notfound",
    "www;     1;     a.test b.test;   false;  www.a.test=CNAMEONLY;                      www.a.test;                 NO_RECOVERY notfound",
    "www;     1;     s.test a.test;   false;  www.s.test=SERVFAIL www.a.test=CNAMEONLY;  www.s.test www.a.test;      NO_RECOVERY notfound",
    "www.x;   1;     a.test;          false;  www.x=CNAMEONLY;                           www.x;                      NO_RECOVERY notfound",
    "www;     1;     a.test;          false;  www=CNAMEONLY;                             www.a.test www;             NO_RECOVERY notfound",
  })
  void reportsWhetherTheLastReplyWasUsable(String name, int ndots, String search, boolean noTld, String answers,
      String tried, String result) {
    SearchList.Result<String> r = walk(name, ndots, search, noTld, answers, tried);
    assertThat(r.error().name() + (r.lastTransportFailed() ? " unavail" : " notfound")).isEqualTo(result);
  }

  private static SearchList.Result<String> walk(String name, int ndots, String search, boolean noTld,
      String answers, String tried) {
    Map<String, String> table = new HashMap<>();
    if (answers != null) {
      for (String kv : answers.trim().split(" +")) {
        String[] p = kv.split("=");
        table.put(p[0], p[1]);
      }
    }
    List<String> domains = search == null ? List.of() : Arrays.asList(search.trim().split(" +"));
    ResolverConfig cfg = ResolverConfig.builder().ndots(ndots).search(domains).noTldQuery(noTld).build();
    List<String> log = new ArrayList<>();
    SearchList.Result<String> r = SearchList.<String>walk(name, cfg, fqdn -> {
      log.add(fqdn);
      SearchList.Try<String> t = switch (table.getOrDefault(fqdn, "NXDOMAIN")) {
        case "FOUND" -> SearchList.Try.found(fqdn);
        case "NODATA" -> SearchList.Try.failed(DnsError.NO_DATA, false);
        case "SERVFAIL" -> SearchList.Try.failed(DnsError.TRY_AGAIN, true);
        case "TIMEOUT", "REFUSED" -> SearchList.Try.failed(DnsError.TRY_AGAIN, false);
        case "CNAMEONLY" -> SearchList.Try.unusable(DnsError.NO_RECOVERY);
        default -> SearchList.Try.failed(DnsError.HOST_NOT_FOUND, false);
      };
      return CompletableFuture.completedFuture(t);
    }).join();
    assertThat(String.join(" ", log)).isEqualTo(tried);
    return r;
  }
}
