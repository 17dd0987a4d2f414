package app.tandem.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an admin lets outbound calls reach ({@code tandem.outbound.*}). Checked at start: an entry that is not a host
 * name, an address or a range stops Tandem with the entry named.
 *
 * @param allowedHosts host names, IP addresses and CIDR ranges (IPv4 and IPv6) that the address rules do not refuse,
 * such as an intranet's chat server; the rules about schemes, user names in URLs and numeric forms still apply
 */
@ConfigurationProperties("tandem.outbound")
record OutboundProperties(List<String> allowedHosts) {

	OutboundProperties {
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
		AllowedHosts.of(allowedHosts);
	}

	AllowedHosts allowed() {
		return AllowedHosts.of(allowedHosts);
	}
}
