package app.tandem.outbound;

import java.net.InetAddress;
import java.util.Arrays;

/** The addresses that share their first {@code prefix} bits with {@code network}: 10.0.0.0/8, fc00::/7. */
final class AddressRange {

	private final byte[] network;

	private final int prefix;

	AddressRange(InetAddress network, int prefix) {
		this.network = network.getAddress();
		if (prefix < 0 || prefix > this.network.length * 8) {
			throw new IllegalArgumentException("the prefix /" + prefix + " does not fit " + network.getHostAddress());
		}
		this.prefix = prefix;
	}

	/** A range written by us (the rules' tables): a literal address, a slash, the prefix length. */
	static AddressRange of(String cidr) {
		int slash = cidr.indexOf('/');
		try {
			return new AddressRange(InetAddress.getByName(cidr.substring(0, slash)),
					Integer.parseInt(cidr.substring(slash + 1)));
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(cidr, ex);
		}
	}

	boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	boolean contains(byte[] address) {
		if (address.length != network.length) {
			return false;
		}
		int whole = prefix / 8;
		if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
			return false;
		}
		int rest = prefix % 8;
		int mask = (0xff << (8 - rest)) & 0xff;
		return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
	}
}
