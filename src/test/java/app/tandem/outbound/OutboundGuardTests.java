package app.tandem.outbound;

import static app.tandem.outbound.HostileUrlCorpusTests.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's rules without a network: what it refuses, what it lets through, and what it says. */
class OutboundGuardTests {

	private final List<String> lookups = new ArrayList<>();

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.0", "100.63.255.255",
			"100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
			"172.32.0.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
			"2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1",
			"2001:4860:4860::8888" })
	void publicAddressesAndTheirNearestNeighboursPass(String literal) {
		assertThat(AddressRules.refusal(address(literal), any -> false)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0.1.2.3                | an unspecified address
			10.1.2.3               | a private address
			100.127.255.255        | a carrier-grade NAT address
			127.8.8.8              | a loopback address
			169.254.169.254        | the cloud metadata address
			169.254.1.1            | a link-local address
			172.20.0.1             | a private address
			192.168.255.255        | a private address
			198.19.255.255         | a benchmarking address
			203.0.113.7            | a documentation address
			239.1.1.1              | a multicast address
			250.1.1.1              | a reserved address
			255.255.255.255        | the broadcast address
			64:ff9b::a00:1         | a NAT64 address carrying 10.0.0.1, a private address
			2002:c0a8:101::        | a 6to4 address carrying 192.168.1.1, a private address
			64:ff9b:1::1           | a local NAT64 address
			fdff::1                | a unique-local address
			febf::1                | a link-local address
			fec0::1                | a site-local address
			ff0e::1                | a multicast address
			::2                    | an IPv4-compatible address, which is deprecated
			8000::1                | a reserved address
			""")
	void internalAndSpecialAddressesAreRefusedSayingWhatTheyAre(String literal, String what) {
		assertThat(AddressRules.refusal(address(literal), any -> false)).isEqualTo(what);
	}

	@Test
	void aNameThatResolvesOutwardPassesTheCheckAndIsLookedUpOnce() {
		OutboundGuard guard = guard(List.of(), "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");

		URI checked = guard.check("https://hooks.example.com/services/T0/B0/x?y=1");

		assertThat(checked).isEqualTo(URI.create("https://hooks.example.com/services/T0/B0/x?y=1"));
		assertThat(lookups).containsExactly("hooks.example.com");
	}

	@Test
	void everyAddressOfANameMustPass() {
		OutboundGuard guard = guard(List.of(), "93.184.216.34", "10.0.0.5");

		assertThatThrownBy(() -> guard.check("https://hooks.example.com/x")).isInstanceOf(OutboundRefused.class)
			.hasMessage("https://hooks.example.com/x is refused: hooks.example.com resolves to 10.0.0.5, a private"
					+ " address; an admin may allow it with tandem.outbound.allowed-hosts");
	}

	@Test
	void theRefusalNamesTheUrlTheAddressAndTheWayOut() {
		OutboundRefused refused = catchRefused(guard(List.of()), "http://10.0.0.5/hook");

		assertThat(refused).hasMessage("http://10.0.0.5/hook is refused: 10.0.0.5 is a private address; an admin may"
				+ " allow it with tandem.outbound.allowed-hosts");
		assertThat(refused.url()).isEqualTo("http://10.0.0.5/hook");
		assertThat(refused.reason()).startsWith("10.0.0.5 is a private address");
	}

	@Test
	void aPasswordInARefusedUrlIsNotRepeated() {
		OutboundRefused refused = catchRefused(guard(List.of()), "https://bot:s3cret@hooks.example.com/x");

		assertThat(refused).hasMessage("https://…@hooks.example.com/x is refused: a URL with a user name or password"
				+ " in it is not called");
		assertThat(lookups).isEmpty();
	}

	@Test
	void numericFormsAreRefusedBeforeAnyLookup() {
		OutboundGuard guard = guard(List.of("127.0.0.0/8"));

		assertThatThrownBy(() -> guard.check("http://0x7f000001/")).isInstanceOf(OutboundRefused.class)
			.hasMessageContaining("0x7f000001 is an address written in an ambiguous form");
		assertThat(guard.check("http://127.0.0.1/")).isNotNull();
		assertThat(lookups).isEmpty();
	}

	@Test
	void anAllowedRangeLiftsTheAddressRulesOnly() {
		OutboundGuard guard = guard(List.of("10.0.0.0/8", "fd00::/8"), "10.1.2.3");

		assertThat(guard.check("http://10.20.30.40:8080/hook")).isNotNull();
		assertThat(guard.check("http://[fd00::17]/hook")).isNotNull();
		assertThat(guard.check("http://chat.intranet/hook")).isNotNull();
		assertThatThrownBy(() -> guard.check("http://010.20.30.40/")).hasMessageContaining("ambiguous form");
		assertThatThrownBy(() -> guard.check("ftp://10.20.30.40/")).hasMessageContaining("not ftp");
		assertThatThrownBy(() -> guard.check("http://u@10.20.30.40/")).hasMessageContaining("user name");
		assertThatThrownBy(() -> guard.check("http://[fe00::1]/")).hasMessageContaining("a reserved address");
	}

	@Test
	void anAllowedNameLiftsItsNameAndAddressRules() {
		OutboundGuard guard = guard(List.of("Metadata.Google.Internal", "chat.intranet"), "10.1.2.3");

		assertThat(guard.check("http://metadata.google.internal/computeMetadata/v1/")).isNotNull();
		assertThat(guard.check("http://CHAT.intranet./hook")).isNotNull();
		assertThatThrownBy(() -> guard.check("http://wiki.intranet/")).hasMessageContaining("a private address");
	}

	@Test
	void anIpv4MappedEntryAllowsTheIpv4AddressItMaps() {
		OutboundGuard guard = guard(List.of("::ffff:10.0.0.0/104"));

		assertThat(guard.check("http://10.9.9.9/")).isNotNull();
		assertThatThrownBy(() -> guard.check("http://192.168.0.1/")).hasMessageContaining("a private address");
	}

	@Test
	void anAllowedAddressCarriedInNat64IsAllowed() {
		assertThat(guard(List.of("192.168.0.0/16")).check("http://[64:ff9b::c0a8:101]/")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "0177.0.0.1", "127.1", "2130706433", "exa mple.com", "http://a.b",
			"10.0.0.0/x", "fd00::/129", "::ffff:10.0.0.0/95", "[::1" })
	void anAllowedHostsEntryThatIsNeitherNameNorAddressNorRangeStopsTheStart(String entry) {
		assertThatThrownBy(() -> new OutboundProperties(List.of("example.org", entry)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("tandem.outbound.allowed-hosts: " + entry
					+ " is not a host name, an IP address (203.0.113.7, 2001:db8::1) or a CIDR range (10.0.0.0/8)");
	}

	@Test
	void blankAllowedHostsEntriesAreIgnored() {
		assertThat(new OutboundProperties(List.of(" ", "")).allowedHosts()).hasSize(2);
		assertThat(new OutboundProperties(null).allowedHosts()).isEmpty();
	}

	private OutboundRefused catchRefused(OutboundGuard guard, String url) {
		try {
			guard.check(url);
		}
		catch (OutboundRefused refused) {
			return refused;
		}
		throw new AssertionError(url + " was not refused");
	}

	private OutboundGuard guard(List<String> allowed, String... answers) {
		return new OutboundGuard(AllowedHosts.of(allowed), name -> {
			lookups.add(name);
			List<InetAddress> addresses = new ArrayList<>();
			for (String answer : answers) {
				addresses.add(address(answer));
			}
			return addresses;
		});
	}
}
