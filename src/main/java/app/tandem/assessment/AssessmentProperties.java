package app.tandem.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assessment module's settings ({@code tandem.demo}, which the interchange module reads too: the two modules do
 * not depend on each other, so each binds it).
 *
 * @param demo on an instance holding the demo organisation (Acme Health) and no assessment yet, answer the readiness
 * assessment twice, six weeks and one week ago (TANDEM_DEMO)
 */
@ConfigurationProperties("tandem")
record AssessmentProperties(@DefaultValue("false") boolean demo) {
}
