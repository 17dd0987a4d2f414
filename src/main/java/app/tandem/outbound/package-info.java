/**
 * Every URL Tandem calls on someone's behalf (webhooks, Slack and Teams, data pulls) goes through
 * {@link app.tandem.outbound.OutboundHttp}: http and https only, the host resolved once and checked (no loopback,
 * private, link-local, metadata or other internal address unless {@code tandem.outbound.allowed-hosts} names it), the
 * connection pinned to the checked addresses, redirects followed by the guard and checked again, the answer capped
 * in size and time. {@link app.tandem.outbound.OutboundGuard#check} says at configuration time whether a URL would
 * be refused, and why.
 */
package app.tandem.outbound;
