package app.tandem.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts an admin lets Tandem call although the rules would refuse them ({@code tandem.outbound.allowed-hosts}):
 * host names (exactly, any case), IP addresses and CIDR ranges, IPv4 and IPv6. A name listed here may resolve to
 * anything; an address or range is allowed whichever name led to it.
 */
final class AllowedHosts {

	static final String PROPERTY = "tandem.outbound.allowed-hosts";

	private final Set<String> names;

	private final List<AddressRange> ranges;

	private AllowedHosts(Set<String> names, List<AddressRange> ranges) {
		this.names = Set.copyOf(names);
		this.ranges = List.copyOf(ranges);
	}

	static AllowedHosts none() {
		return new AllowedHosts(Set.of(), List.of());
	}

	/** Refuses, naming the entry, anything that is not a host name, an address or a range. */
	static AllowedHosts of(List<String> entries) {
		Set<String> names = new HashSet<>();
		List<AddressRange> ranges = new ArrayList<>();
		for (String entry : entries) {
			String text = entry.strip().toLowerCase(Locale.ROOT);
			if (text.isEmpty()) {
				continue;
			}
			AddressRange range = range(text);
			if (range != null) {
				ranges.add(range);
			}
			else if (HostForms.isName(text) && HostForms.ambiguousNumber(text) == null) {
				names.add(HostForms.withoutTrailingDot(text));
			}
			else {
				throw new IllegalArgumentException(PROPERTY + ": " + entry.strip()
						+ " is not a host name, an IP address (203.0.113.7, 2001:db8::1) or a CIDR range (10.0.0.0/8)");
			}
		}
		return new AllowedHosts(names, ranges);
	}

	/** {@code name}: lower case, without a trailing dot. */
	boolean allowsName(String name) {
		return names.contains(name);
	}

	boolean allowsAddress(InetAddress address) {
		return ranges.stream().anyMatch(range -> range.contains(address));
	}

	/** An address or range, or null when the text is neither. */
	private static AddressRange range(String text) {
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		InetAddress parsed = address.contains(":") ? HostForms.ipv6(address) : HostForms.ipv4(address);
		if (parsed == null) {
			return null;
		}
		// Java reads ::ffff:a.b.c.d as the IPv4 address it maps, so its prefix counts 96 bits fewer
		int bits = parsed.getAddress().length * 8;
		int shift = address.contains(":") && bits == 32 ? 96 : 0;
		int prefix = bits;
		if (slash >= 0) {
			String length = text.substring(slash + 1);
			if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) - shift < 0
					|| Integer.parseInt(length) - shift > bits) {
				return null;
			}
			prefix = Integer.parseInt(length) - shift;
		}
		return new AddressRange(parsed, prefix);
	}
}
