package app.tandem.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which addresses the guard will not call, and how to say why. Everything a request from outside should never reach
 * through Tandem: the machine itself, the networks behind it, the cloud's metadata service, and ranges that are not
 * meant to carry ordinary traffic. An IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64, 6to4) is judged by
 * the IPv4 address it carries; outside the global unicast range 2000::/3 every IPv6 address is refused.
 */
final class AddressRules {

	private record Rule(AddressRange range, String what) {
	}

	private static final List<Rule> IPV4 = rules("0.0.0.0/8", "an unspecified address",
			"10.0.0.0/8", "a private address",
			"100.64.0.0/10", "a carrier-grade NAT address",
			"127.0.0.0/8", "a loopback address",
			"169.254.169.254/32", "the cloud metadata address",
			"169.254.0.0/16", "a link-local address",
			"172.16.0.0/12", "a private address",
			"192.0.0.0/24", "a special-purpose address",
			"192.0.2.0/24", "a documentation address",
			"192.88.99.0/24", "a 6to4 relay address",
			"192.168.0.0/16", "a private address",
			"198.18.0.0/15", "a benchmarking address",
			"198.51.100.0/24", "a documentation address",
			"203.0.113.0/24", "a documentation address",
			"224.0.0.0/4", "a multicast address",
			"255.255.255.255/32", "the broadcast address",
			"240.0.0.0/4", "a reserved address");

	private static final List<Rule> IPV6 = rules("::/128", "an unspecified address",
			"::1/128", "a loopback address",
			"::/96", "an IPv4-compatible address, which is deprecated",
			"64:ff9b:1::/48", "a local NAT64 address",
			"100::/64", "a discard address",
			"2001:db8::/32", "a documentation address",
			"2001::/23", "a special-purpose address (Teredo, benchmarking, ORCHID)",
			"3fff::/20", "a documentation address",
			"fc00::/7", "a unique-local address",
			"fe80::/10", "a link-local address",
			"fec0::/10", "a site-local address",
			"ff00::/8", "a multicast address");

	private static final AddressRange GLOBAL_UNICAST = AddressRange.of("2000::/3");

	private AddressRules() {
	}

	/**
	 * What kind of address this is when the guard must not call it ("a loopback address"), or null when it may.
	 * {@code allowed} (the admin's list) is asked first, and again for an IPv4 address carried in an IPv6 one.
	 */
	static String refusal(InetAddress address, Predicate<InetAddress> allowed) {
		if (allowed.test(address)) {
			return null;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 16) {
			String carrier = carrier(bytes);
			if (carrier != null) {
				InetAddress carried = ipv4(bytes, carrier.endsWith("6to4") ? 2 : 12);
				String why = refusal(carried, allowed);
				return why == null ? null
						: carrier + " address carrying " + carried.getHostAddress() + ", " + why;
			}
		}
		for (Rule rule : bytes.length == 4 ? IPV4 : IPV6) {
			if (rule.range().contains(bytes)) {
				return rule.what();
			}
		}
		return bytes.length == 16 && !GLOBAL_UNICAST.contains(bytes) ? "a reserved address" : null;
	}

	/** An address as people write it: IPv6 with its longest run of zero groups as "::". */
	static String shown(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return address.getHostAddress();
		}
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			int length = 0;
			while (i + length < 8 && groups[i + length] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = i;
				bestLength = length;
			}
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				parts.add(i == 0 ? ":" : "");
				i += bestLength - 1;
				if (i == 7) {
					parts.add("");
				}
				continue;
			}
			parts.add(Integer.toHexString(groups[i]));
		}
		return String.join(":", parts);
	}

	/** The kind of IPv6 address that carries an IPv4 one in these bytes ("a NAT64"), or null. */
	private static String carrier(byte[] bytes) {
		boolean zeros = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
		if (zeros && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
			return "an IPv4-mapped";
		}
		if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
				&& Arrays.equals(bytes, 4, 12, new byte[8], 0, 8)) {
			return "a NAT64";
		}
		return bytes[0] == 0x20 && bytes[1] == 0x02 ? "a 6to4" : null;
	}

	private static InetAddress ipv4(byte[] bytes, int from) {
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Rule> rules(String... rangesAndWhat) {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < rangesAndWhat.length; i += 2) {
			rules.add(new Rule(AddressRange.of(rangesAndWhat[i]), rangesAndWhat[i + 1]));
		}
		return List.copyOf(rules);
	}
}
