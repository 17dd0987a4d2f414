package app.tandem.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver for one hop: it answers the addresses the guard checked for the hop's host and nothing
 * else, so the connection goes where the check looked (a name cannot resolve to a public address for the check and a
 * private one for the connection). TLS still uses the host's name, for SNI and to check its certificate.
 */
final class PinnedAddresses implements DnsResolver {

	private final String host;

	private final InetAddress[] addresses;

	PinnedAddresses(String host, List<InetAddress> addresses) {
		this.host = key(host);
		this.addresses = addresses.toArray(InetAddress[]::new);
	}

	@Override
	public InetAddress[] resolve(String name) throws UnknownHostException {
		if (!key(name).equals(host)) {
			throw new UnknownHostException(name + " was not checked by the outbound guard");
		}
		return addresses.clone();
	}

	@Override
	public List<InetSocketAddress> resolve(String name, int port) throws UnknownHostException {
		return Arrays.stream(resolve(name)).map(address -> new InetSocketAddress(address, port)).toList();
	}

	/** Asked only for Kerberos: the name as it is, no reverse lookup. */
	@Override
	public String resolveCanonicalHostname(String name) {
		return name;
	}

	private static String key(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
	}
}
