package app.tandem.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which node of a cluster this is ({@code tandem.node-id}). Here rather than in {@code config}, which reads it too:
 * {@code config} depends on this module, so this one cannot depend on it.
 *
 * @param nodeId this node's name in the audit trail and on the scheduled jobs' locks it holds, one per node on a
 * database; empty: the host name and process id (see NodeId)
 */
@ConfigurationProperties("tandem")
public record NodeProperties(@DefaultValue("") String nodeId) {
}
