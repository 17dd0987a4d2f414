package app.tandem.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a URL's host is written. Only two forms count as addresses: four decimal numbers without leading zeros
 * (203.0.113.7) and an IPv6 address in brackets. The other ways to write an IPv4 address as a number (2130706433,
 * 0x7f000001, 0177.0.0.1, 127.1) are refused outright: C's inet_aton, browsers and Java read them differently, so
 * what the guard checked might not be what a library downstream connects to.
 */
final class HostForms {

	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

	private static final Pattern DECIMAL_BYTE = Pattern.compile("0|[1-9][0-9]{0,2}");

	private static final Pattern NAME = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

	private HostForms() {
	}

	/**
	 * The reason a host written as a number is refused ("0177.0.0.1 is an address in an ambiguous form …"), or null
	 * when it is not a number or is a plain dotted quad. A host whose last label is a number is taken for an address,
	 * as browsers take it; no top-level domain is a number.
	 */
	static String ambiguousNumber(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		String[] labels = lower.split("\\.", -1);
		String last = labels[labels.length - 1];
		if (last.isEmpty() && labels.length > 1) {
			last = labels[labels.length - 2];
		}
		if (!NUMERIC_LABEL.matcher(last).matches() || ipv4(lower) != null) {
			return null;
		}
		return host + " is an address written in an ambiguous form: an IPv4 address is called only when written as"
				+ " four decimal numbers without leading zeros, such as 203.0.113.7";
	}

	/** The address of a plain dotted quad (each part 0 to 255, no leading zeros, no trailing dot), or null. */
	static InetAddress ipv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			if (!DECIMAL_BYTE.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
				return null;
			}
			bytes[i] = (byte) Integer.parseInt(parts[i]);
		}
		return address(bytes);
	}

	/**
	 * The address of an IPv6 literal without its brackets, or null when it is not one. Only hex digits, colons and
	 * dots get to {@link InetAddress#getByName}, which then parses and never looks anything up.
	 */
	static InetAddress ipv6(String literal) {
		String lower = literal.toLowerCase(Locale.ROOT);
		if (!lower.contains(":") || !IPV6.matcher(lower).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(lower);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** Letters, digits and hyphens in dot-separated labels, perhaps with a trailing dot (lower case). */
	static boolean isName(String host) {
		return NAME.matcher(host).matches();
	}

	/** The name without a trailing dot: "localhost." is localhost. */
	static String withoutTrailingDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
